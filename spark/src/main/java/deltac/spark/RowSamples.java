package deltac.spark;

import deltac.runtime.Feed;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * A table as samples: a column per feed, named as in the spec, holding an array of numbers (a feed of one row may
 * be a plain number). The schema is checked on the driver; each row's lengths in the tasks.
 */
final class RowSamples {
    private RowSamples() {}

    static JavaRDD<float[][]> of(Dataset<Row> rows, List<Feed> feeds, String model) {
        String[] names = rows.schema().fieldNames();
        int[] columns = new int[feeds.size()];
        for (int k = 0; k < feeds.size(); k++) {
            Feed feed = feeds.get(k);
            int at = Arrays.asList(names).indexOf(feed.name());
            if (at < 0) {
                throw new TrainingDataException(model + " reads " + feed.name() + " (" + feed.rows() + " rows) but the data has no column "
                        + feed.name() + "; it has " + Arrays.toString(names));
            }
            StructField field = rows.schema().fields()[at];
            DataType type = field.dataType();
            boolean numbers = type instanceof ArrayType a && a.elementType() instanceof NumericType;
            if (!numbers && !(type instanceof NumericType && feed.rows() == 1)) {
                throw new TrainingDataException(model + "'s " + feed.name() + " has " + feed.rows()
                        + " rows but the data's column " + feed.name() + " holds " + type.simpleString()
                        + ": give an array of numbers" + (feed.rows() == 1 ? " or a number" : ""));
            }
            columns[k] = at;
        }
        return rows.javaRDD().map(row -> sample(row, columns));
    }

    private static float[][] sample(Row row, int[] columns) {
        float[][] sample = new float[columns.length][];
        for (int k = 0; k < columns.length; k++) {
            Object value = row.get(columns[k]);
            if (value instanceof Number number) {
                sample[k] = new float[] {number.floatValue()};
            } else if (value == null) {
                sample[k] = new float[0]; // the shard's check names the feed and the sample
            } else {
                List<Object> list = row.getList(columns[k]);
                float[] values = new float[list.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = list.get(i) == null ? Float.NaN : ((Number) list.get(i)).floatValue();
                }
                sample[k] = values;
            }
        }
        return sample;
    }
}
