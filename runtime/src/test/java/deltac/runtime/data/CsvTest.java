package deltac.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    private static final String IRIS_HEAD = "sepal_length,sepal_width,petal_length,petal_width,species\n";

    @TempDir
    Path dir;

    @Test
    void classesAreTheSortedDistinctLabels() throws Exception {
        Path file = write("flowers.csv", IRIS_HEAD
                + "6.3,3.3,6.0,2.5,virginica\n"
                + "5.1,3.5,1.4,0.2,setosa\n"
                + "7.0,3.2,4.7,1.4,versicolor\n"
                + "4.9,3.0,1.4,0.2,setosa\n");
        Dataset d = Csv.read(file, null);
        assertEquals("flowers", d.name());
        assertEquals(4, d.featureCount());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {2, 0, 1, 0}, d.labels());
        assertArrayEquals(new float[] {6.3f, 3.3f, 6.0f, 2.5f}, d.slice(0, 1).features());
    }

    @Test
    void toleratesCrLfBlankLinesSpacesQuotesAndBom() throws Exception {
        Path file = write("messy.csv", "\uFEFF\"a\" , b ,label\r\n\r\n 1 ,\"2.5\", x \r\n   \r\n-3,4e-1,\"y\"\r\n\r\n");
        Dataset d = Csv.read(file, "label");
        assertArrayEquals(new float[] {1f, 2.5f, -3f, 0.4f}, d.features());
        assertEquals(List.of("x", "y"), d.classNames());
    }

    @Test
    void labelColumnCanBeAnyColumn() throws Exception {
        Path file = write("mid.csv", "f1,kind,f2\n1,b,2\n3,a,4\n");
        Dataset d = Csv.read(file, "kind");
        assertArrayEquals(new float[] {1, 2, 3, 4}, d.features());
        assertArrayEquals(new int[] {1, 0}, d.labels());
    }

    @Test
    void numericLabelsSortByValue() throws Exception {
        Path file = write("digits.csv", "x,digit\n1,10\n2,9\n3,2\n");
        Dataset d = Csv.read(file, null);
        assertEquals(List.of("2", "9", "10"), d.classNames());
        assertArrayEquals(new int[] {2, 1, 0}, d.labels());
    }

    @Test
    void regressionTargets() throws Exception {
        Path file = write("houses.csv", "rooms,area,price\n3,80,250.5\n2,50,-1e2\n");
        Dataset d = Csv.read(file, "price", true);
        assertEquals(List.of(), d.classNames());
        assertNull(d.labels());
        assertEquals(1, d.targetWidth());
        assertArrayEquals(new float[] {250.5f, -100f}, d.targets());
        Path words = write("words.csv", "rooms,price\n3,cheap\n");
        assertEquals(words + ":2: column price: 'cheap' is not a number (the column is a regression target)",
                error(() -> Csv.read(words, null, true)));
    }

    @Test
    void severalTargetColumnsInTheOrderNamed() throws Exception {
        Path file = write("houses.csv", "price,rooms,tax,area\n250,3,5,80\n100,2,1,50\n");
        Dataset d = Csv.readRegression(file, List.of("tax", "price"));
        assertEquals(2, d.featureCount());
        assertArrayEquals(new float[] {3, 80, 2, 50}, d.features());
        assertEquals(2, d.targetWidth());
        assertArrayEquals(new float[] {5, 250, 1, 100}, d.targets());
        assertEquals(file + ":1: no column named 'cost' for a target; the columns are price, rooms, tax, area",
                error(() -> Csv.readRegression(file, List.of("price", "cost"))));
        assertEquals(file + ":1: every column is a target; a data set needs at least one feature column",
                error(() -> Csv.readRegression(file, List.of("price", "rooms", "tax", "area"))));
    }

    @Test
    void givenClassesFixTheLabelOrder() throws Exception {
        Path file = write("test.csv", IRIS_HEAD + "5.1,3.5,1.4,0.2,setosa\n6.3,3.3,6.0,2.5,virginica\n");
        Dataset d = Csv.read(file, "species", List.of("virginica", "versicolor", "setosa"));
        assertArrayEquals(new int[] {2, 0}, d.labels());
        assertEquals(List.of("virginica", "versicolor", "setosa"), d.classNames());
    }

    @Test
    void labelOutsideTheClasses() throws Exception {
        Path file = write("test.csv", IRIS_HEAD + "5.1,3.5,1.4,0.2,setosa\n\n6.3,3.3,6.0,2.5,rose\n");
        assertEquals(file + ":4: column species: 'rose' is a label outside the classes setosa, versicolor, virginica",
                error(() -> Csv.read(file, null, List.of("setosa", "versicolor", "virginica"))));
    }

    @Test
    void missingCell() throws Exception {
        Path file = write("iris.csv", IRIS_HEAD + "5.1,3.5,1.4,0.2,setosa\n4.9, ,1.4,0.2,setosa\n");
        assertEquals(file + ":3: column sepal_width: missing value (empty cell)", error(() -> Csv.read(file, null)));
    }

    @Test
    void nonNumberInAFeatureColumn() throws Exception {
        Path file = write("iris.csv", IRIS_HEAD + "5.1,abc,1.4,0.2,setosa\n");
        assertEquals(file + ":2: column sepal_width: 'abc' is not a number", error(() -> Csv.read(file, null)));
        Path hex = write("hex.csv", IRIS_HEAD + "5.1,0x1p3,1.4,0.2,setosa\n");
        assertEquals(hex + ":2: column sepal_width: '0x1p3' is not a number", error(() -> Csv.read(hex, null)));
    }

    @Test
    void nanAndInfinityAreRefused() throws Exception {
        Path nan = write("nan.csv", IRIS_HEAD + "5.1,3.5,NaN,0.2,setosa\n");
        assertEquals(nan + ":2: column petal_length: 'NaN' is not a finite number", error(() -> Csv.read(nan, null)));
        Path inf = write("inf.csv", IRIS_HEAD + "-Infinity,3.5,1.4,0.2,setosa\n");
        assertEquals(inf + ":2: column sepal_length: '-Infinity' is not a finite number", error(() -> Csv.read(inf, null)));
        Path big = write("big.csv", IRIS_HEAD + "1e39,3.5,1.4,0.2,setosa\n");
        assertEquals(big + ":2: column sepal_length: '1e39' is too large for a float", error(() -> Csv.read(big, null)));
    }

    @Test
    void raggedRow() throws Exception {
        Path file = write("iris.csv", IRIS_HEAD + "5.1,3.5,1.4,0.2,setosa\n4.9,3.0,1.4,setosa\n");
        assertEquals(file + ":3: expected 5 cells as in the header, got 4", error(() -> Csv.read(file, null)));
    }

    @Test
    void emptyFile() throws Exception {
        Path file = write("empty.csv", "\n  \r\n");
        assertEquals(file + ": the file is empty; expected a header row, then data rows", error(() -> Csv.read(file, null)));
    }

    @Test
    void headerOnly() throws Exception {
        Path file = write("head.csv", "\n" + IRIS_HEAD + "\n");
        assertEquals(file + ":2: a header row but no data rows", error(() -> Csv.read(file, null)));
    }

    @Test
    void unknownLabelColumn() throws Exception {
        Path file = write("iris.csv", IRIS_HEAD + "5.1,3.5,1.4,0.2,setosa\n");
        assertEquals(file + ":1: no column named 'Species' for the labels; the columns are "
                + "sepal_length, sepal_width, petal_length, petal_width, species", error(() -> Csv.read(file, "Species")));
    }

    @Test
    void duplicateHeader() throws Exception {
        Path file = write("dup.csv", "a,b,a,label\n1,2,3,x\n");
        assertEquals(file + ":1: duplicate column name 'a' in the header (columns 1 and 3)", error(() -> Csv.read(file, null)));
    }

    @Test
    void headerNeedsAFeatureColumn() throws Exception {
        Path file = write("one.csv", "label\nx\n");
        assertEquals(file + ":1: the header has only the label column 'label'; a data set needs at least one feature column",
                error(() -> Csv.read(file, null)));
    }

    @Test
    void unterminatedQuote() throws Exception {
        Path file = write("quote.csv", "a,label\n\"1,x\n");
        assertEquals(file + ":2: a quoted cell has no closing quote", error(() -> Csv.read(file, null)));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.csv");
        assertEquals(file + ": no such file", error(() -> Csv.read(file, null)));
    }

    @Test
    void notUtf8() throws Exception {
        Path file = Files.write(dir.resolve("latin1.csv"), "a,label\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(file + ":2: the line is not UTF-8 text", error(() -> Csv.read(file, null)));
    }

    private interface ThrowingAction {
        void run() throws Exception;
    }

    private static String error(ThrowingAction action) {
        return assertThrows(DataException.class, action::run).getMessage();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
