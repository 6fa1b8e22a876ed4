package deltac.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Every example's page in a real browser: Debian's chromium, driven by Debian's chromium-driver through Selenium
 * (pointed at /usr/bin/chromedriver, so Selenium Manager downloads nothing). The page reports from inside that its
 * fonts loaded, every equation has a size, and no KaTeX error, script error or blocked load happened; a screenshot
 * of each page is saved under target/screenshots for a person to look at. Nothing is compared pixel by pixel.
 * Without /usr/bin/chromedriver (.ci/run installs it; {@code -Ddeltac.chromedriver=PATH} names another) the tests
 * are skipped, saying why.
 */
class BrowserTest {
    private static final Path DRIVER = Path.of(System.getProperty("deltac.chromedriver", "/usr/bin/chromedriver"));
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static ChromeDriver driver;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(DRIVER) || !Files.isExecutable(BROWSER)) {
            String reason = "browser tests skipped: no " + (Files.isExecutable(DRIVER) ? BROWSER : DRIVER)
                    + " (apt-get install chromium chromium-driver; .ci/run does)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        // Selenium's notes (a CDP version it has no classes for, and the like) are not the tests' business
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--window-size=1400,1000", "--force-device-scale-factor=1",
                "--no-first-run", "--disable-extensions", "--disable-background-networking");
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    static List<String> specs() throws Exception {
        return Examples.specs();
    }

    /** Opens a page and waits for its self-check; returns what it says of itself. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> open(Path page) throws InterruptedException {
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(page.toAbsolutePath().toUri().toString());
        JavascriptExecutor js = driver;
        long deadline = System.currentTimeMillis() + 20_000;
        while (!Boolean.TRUE.equals(js.executeScript("return !!(window.deltacReport && window.deltacReport.done)"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(page + ": the page's self-check did not finish in 20 s: "
                        + js.executeScript("return JSON.stringify(window.deltacReport)"));
            }
            Thread.sleep(50);
        }
        return (Map<String, Object>) js.executeScript("return window.deltacReport");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void thePageChecksItselfAndIsPhotographed(String spec) throws Exception {
        Path page = WriteExamples.write(spec);
        Map<String, Object> state = open(page);
        String what = spec + ": " + state;
        assertEquals(Boolean.TRUE, state.get("fontsLoaded"), what);
        assertEquals(List.of(), state.get("fontErrors"), what);
        assertEquals(List.of(), state.get("zeroSize"), what);
        assertEquals(List.of(), state.get("katexErrors"), what);
        assertEquals(0L, ((Number) state.get("katexErrorElements")).longValue(), what);
        assertEquals(List.of(), state.get("scriptErrors"), what);
        assertEquals(List.of(), state.get("blocked"), what);
        assertEquals(state.get("equations"), state.get("typeset"), what);
        assertTrue(((Number) state.get("equations")).longValue() > 10, what);
        assertEquals(Boolean.TRUE, state.get("ok"), what);
        assertTrue(driver.findElement(By.id("selfcheck")).getText().startsWith("self-check passed"), what);

        WebElement graph = driver.findElement(By.cssSelector("#graph-svg svg"));
        assertTrue(graph.getSize().getWidth() > 300 && graph.getSize().getHeight() > 150, spec + ": graph " + graph.getSize());
        Object parsed = driver.executeScript("var svg = document.querySelector('#graph-svg svg').outerHTML;"
                + "var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');"
                + "return doc.querySelector('parsererror') ? 'parse error' : doc.documentElement.querySelectorAll('g.node').length;");
        assertTrue(parsed instanceof Number && ((Number) parsed).intValue() > 5, spec + ": the downloaded SVG stands alone: " + parsed);
        photograph(spec.replace(".java", ".png"));
    }

    /** The whole page, the window stretched to its height. */
    private static void photograph(String name) throws Exception {
        long height = (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 20, 12_000)));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aTermShowsItsShapeOnHoverAndTheLogSwitchRedrawsTheLoss() throws Exception {
        open(WriteExamples.write("mnist_mlp.java"));
        WebElement term = driver.findElement(By.cssSelector("#per-sample .eq [data-shape]"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(term).perform();
        WebElement tip = driver.findElement(By.id("shape-tip"));
        assertTrue(tip.isDisplayed());
        assertTrue(tip.getText().matches("(\\d+|n)×(\\d+|n)"), tip.getText());

        WebElement linear = driver.findElement(By.cssSelector("#chart-loss .lin"));
        WebElement log = driver.findElement(By.cssSelector("#chart-loss .log"));
        assertTrue(linear.isDisplayed() && !log.isDisplayed());
        driver.findElement(By.cssSelector("input.log-switch")).click();
        assertTrue(log.isDisplayed() && !linear.isDisplayed());
        assertFalse(driver.findElements(By.cssSelector("#chart-loss .log circle.pt")).isEmpty());
    }

    @Test
    void theDifferingTermsAreHighlightedOnBothSides() throws Exception {
        open(WriteExamples.write("mnist_mlp.java"));
        List<WebElement> differs = driver.findElements(By.cssSelector(".verdict.differs .differs"));
        assertTrue(differs.size() >= 3, "y and a² on both sides of δ², σ′(z¹) in the derived δ¹: " + differs.size());
        for (WebElement e : differs) {
            assertTrue(e.getSize().getWidth() > 0, "a highlight has a size");
        }
    }

    @Test
    void aKatexFailureIsMarkedVisiblyAndABlockedLoadIsReported() throws Exception {
        String html = Files.readString(WriteExamples.write("xor.java"));
        int at = html.indexOf(" data-tex=\"") + " data-tex=\"".length();
        String broken = html.substring(0, at) + "\\notamacro{x} = " + html.substring(at);
        // the policy must stop this before any request is made
        broken = broken.replace("<footer>", "<footer><img alt=\"\" src=\"https://deltac.invalid/pixel.png\">");
        Path page = WriteExamples.OUT.resolve("broken.html");
        Files.writeString(page, broken);
        Map<String, Object> state = open(page);
        assertEquals(Boolean.FALSE, state.get("ok"), state.toString());
        assertEquals(1, ((List<?>) state.get("katexErrors")).size(), state.toString());
        assertFalse(((List<?>) state.get("blocked")).isEmpty(), state.toString());
        WebElement failure = driver.findElement(By.cssSelector(".katex-failure"));
        assertTrue(failure.isDisplayed() && failure.getText().contains("notamacro"), failure.getText());
        assertTrue(driver.findElement(By.id("selfcheck")).getText().startsWith("self-check FAILED"));
    }
}
