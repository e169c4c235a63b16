package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Small helpers for the browser walk-throughs (浏览器操作辅助): open a page, sign in, type, choose, post a
 * form and wait for the next page, read a number. Uses explicit waits only (implicit wait 0), so a
 * missing element fails at once instead of after a timeout.
 */
final class Ui {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern PASSWORD = Pattern.compile("初始密码：([^（\\s]+)（");

  final WebDriver driver;
  private final String base;

  Ui(WebDriver driver, int port) {
    this.driver = driver;
    this.base = "http://localhost:" + port;
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
  }

  String base() {
    return base;
  }

  void open(String path) {
    driver.get(base + path);
    ready();
  }

  /** The path of the current page ({@code /elections/12/plan}). */
  String path() {
    String url = driver.getCurrentUrl();
    String p = url.startsWith(base) ? url.substring(base.length()) : url;
    int q = p.indexOf('?');
    return q < 0 ? p : p.substring(0, q);
  }

  void ready() {
    new WebDriverWait(driver, WAIT)
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  WebElement find(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  WebElement id(String id) {
    return find(By.id(id));
  }

  boolean present(By by) {
    return !driver.findElements(by).isEmpty();
  }

  String text(String id) {
    return id(id).getText().strip();
  }

  void type(By by, String text) {
    type(find(by), text);
  }

  void type(WebElement e, String text) {
    e.clear();
    e.sendKeys(text);
  }

  void type(String id, String text) {
    type(By.id(id), text);
  }

  /**
   * Fills a {@code type=date} input. The picker's typing order depends on the browser locale, so
   * the value is set the way the picker sets it (value + input/change events).
   */
  void date(By by, LocalDate day) {
    WebElement e = find(by);
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            e,
            day.toString());
    assertThat(e.getAttribute("value")).isEqualTo(day.toString());
  }

  void date(String id, LocalDate day) {
    date(By.id(id), day);
  }

  void choose(By by, String visibleText) {
    new Select(find(by)).selectByVisibleText(visibleText);
  }

  void chooseValue(By by, String value) {
    new Select(find(by)).selectByValue(value);
  }

  void check(WebElement box) {
    scroll(box);
    if (!box.isSelected()) {
      box.click();
    }
  }

  /** Scrolls without the smooth animation Bootstrap turns on, so a click lands where expected. */
  void scroll(WebElement e) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});",
            e);
  }

  /** Clicks a button that posts a form and waits until the next page has loaded. */
  void submit(WebElement button) {
    scroll(button);
    PageLoad.after(driver, WAIT, () -> click(button));
  }

  void submit(By by) {
    submit(find(by));
  }

  /**
   * Clicks a button whose form asks for confirmation ({@code data-confirm}): checks the question,
   * accepts it and waits for the next page.
   */
  void submitConfirmed(By by, String question) {
    WebElement button = find(by);
    scroll(button);
    PageLoad.after(
        driver,
        WAIT,
        () -> {
          click(button);
          Browser.acceptConfirmation(driver, WAIT, question);
        });
  }

  /**
   * Clicks; when the page moved between the scroll and the click (a loaded machine lays the page
   * out late) and the click would land elsewhere, scrolls again and clicks once more.
   */
  private void click(WebElement e) {
    try {
      e.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException moved) {
      scroll(e);
      e.click();
    }
  }

  /** GET with the browser's session cookie; must answer 200. */
  byte[] download(String path) throws IOException, InterruptedException {
    String cookie = driver.manage().getCookieNamed("JSESSIONID").getValue();
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                    .header("Cookie", "JSESSIONID=" + cookie)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  /** The text of a PDF (PDFBox). */
  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** The number of pages of a PDF. */
  static int pdfPages(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    }
  }

  /** Fails with the page's own Chinese error text when the page shows an error alert. */
  void noError() {
    List<WebElement> errors = driver.findElements(By.cssSelector(".alert-danger"));
    assertThat(errors.stream().map(WebElement::getText).toList())
        .as("页面 %s 显示了错误", path())
        .isEmpty();
  }

  /** The flash message (success alert) of the page. */
  String message() {
    return find(By.cssSelector(".alert-success")).getText().strip();
  }

  void login(String user, String password) {
    open("/login");
    type("username", user);
    type("password", password);
    submit(By.id("login-submit"));
  }

  /** Signs in with a generated password and replaces it on the forced password page. */
  void firstLogin(String user, String generated, String chosen) {
    login(user, generated);
    assertThat(path()).isEqualTo("/account/password");
    assertThat(text("must-change")).contains("首次登录");
    type("current", generated);
    type("next", chosen);
    type("repeat", chosen);
    submit(By.id("password-submit"));
    noError();
    assertThat(text("dashboard-title")).isEqualTo("工作台");
    // the header names the person, never the login (issue 14)
    assertThat(text("current-user")).isNotBlank().isNotEqualTo(user);
  }

  void logout() {
    submit(By.id("logout"));
    assertThat(path()).isEqualTo("/login");
  }

  /** Reads the generated password from the administrator's 「已创建用户」 message. */
  static String generatedPassword(String message) {
    Matcher m = PASSWORD.matcher(message);
    assertThat(m.find()).as("消息中应有初始密码：%s", message).isTrue();
    return m.group(1);
  }

  /** The leading number of a text such as 「45 名」. */
  static int number(String text) {
    Matcher m = Pattern.compile("-?\\d+").matcher(text);
    assertThat(m.find()).as("应为数字：%s", text).isTrue();
    return Integer.parseInt(m.group());
  }

  /** Every link target on the page (resolved {@code href}s). */
  List<String> links() {
    return driver.findElements(By.cssSelector("a[href]")).stream()
        .map(a -> a.getAttribute("href"))
        .toList();
  }

  Path shot(String name) throws IOException {
    return Browser.screenshot(driver, name);
  }

  /**
   * A screenshot of the whole page, beyond the window (Chrome DevTools {@code
   * Page.captureScreenshot} with {@code captureBeyondViewport}), at most 8000 px high; falls back
   * to the window.
   */
  @SuppressWarnings("unchecked")
  Path fullShot(String name) throws IOException {
    if (!(driver instanceof ChromiumDriver c)) {
      return shot(name);
    }
    Map<String, Object> metrics = c.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double width = ((Number) size.get("width")).doubleValue();
    double height = Math.min(8000, ((Number) size.get("height")).doubleValue());
    Map<String, Object> shot =
        c.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path out = dir.resolve(name + ".png");
    Files.write(out, Base64.getDecoder().decode((String) shot.get("data")));
    return out;
  }
}
