package xuanju.server.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian chromium for browser tests. Without chromium the tests are skipped with a clear
 * message, except on CI ({@code CI=true}) where a missing browser fails the run.
 */
public final class Browser {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  public static WebDriver start() throws IOException {
    boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    if (!present) {
      String msg =
          "未找到 "
              + CHROMIUM
              + " 或 "
              + DRIVER
              + "：请先安装 chromium 和 chromium-driver（apt-get install -y"
              + " chromium chromium-driver）";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true 但浏览器测试缺少浏览器。" + msg);
      }
      assumeTrue(false, "跳过浏览器测试：" + msg);
    }
    System.setProperty("SE_OFFLINE", "true");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM);
    Path profile = Files.createTempDirectory("xuanju-chromium");
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--lang=zh-CN",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    WebDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return d;
  }

  /**
   * Accepts the confirmation dialog ({@code data-confirm}) the last click opened, after checking
   * that its question contains {@code question}.
   */
  public static void acceptConfirmation(WebDriver d, Duration wait, String question) {
    org.openqa.selenium.Alert alert =
        new org.openqa.selenium.support.ui.WebDriverWait(d, wait)
            .pollingEvery(PageLoad.POLL)
            .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
    org.assertj.core.api.Assertions.assertThat(alert.getText()).contains(question);
    alert.accept();
  }

  /** Saves a screenshot under {@code target/screenshots/NAME.png} and returns its path. */
  public static Path screenshot(WebDriver d, String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path out = dir.resolve(name + ".png");
    File shot = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
    return out;
  }
}
