package xuanju.server.browser;

import java.time.Duration;
import java.util.UUID;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Waits for the page that a click loads (等待新页面加载完成). The old page is marked with a random token in
 * a window variable before the click; a new document has no such variable. This avoids holding an
 * element of the old page: asking chromium whether such an element is stale can fail with "Node
 * with given id does not belong to the document" while the navigation is being committed. WebDriver
 * errors during the navigation (no execution context, document unloaded) are retried until the time
 * limit.
 */
public final class PageLoad {
  /** How often the page is asked whether it has been replaced (a loaded machine answers slowly). */
  static final Duration POLL = Duration.ofMillis(100);

  private PageLoad() {}

  /** Runs the click and waits until a new document has replaced the current one and is loaded. */
  public static void after(WebDriver driver, Duration limit, Runnable click) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    String token = UUID.randomUUID().toString();
    js.executeScript("window.__xuanjuPage = arguments[0];", token);
    click.run();
    new WebDriverWait(driver, limit)
        .pollingEvery(POLL)
        .ignoring(WebDriverException.class)
        .until(
            d -> {
              Object now =
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "return document.readyState === 'complete'"
                              + " ? (window.__xuanjuPage || 'new') : 'loading';");
              return "new".equals(now);
            });
  }
}
