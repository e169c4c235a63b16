package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import xuanju.server.support.H2AppTest;

/** A real browser logs in as the administrator and sees the dashboard. */
class LoginBrowserTest extends H2AppTest {
  @LocalServerPort int port;
  WebDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void administratorLogsInAndSeesTheDashboard() throws Exception {
    driver = Browser.start();
    driver.get("http://localhost:" + port + "/");
    assertThat(driver.getCurrentUrl()).endsWith("/login");
    assertThat(driver.getTitle()).contains("登录");
    Browser.screenshot(driver, "01-login");

    driver.findElement(By.id("username")).sendKeys(ADMIN);
    driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
    driver.findElement(By.id("login-submit")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-title")));

    assertThat(driver.findElement(By.id("dashboard-title")).getText()).isEqualTo("工作台");
    // the header names the person (the account's display name), not the login (issue 14)
    assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("系统管理员");
    assertThat(driver.findElement(By.id("organisations")).getText()).contains("代力吉镇党委");
    Browser.screenshot(driver, "02-dashboard");

    driver.findElement(By.id("logout")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("logout"));
    assertThat(driver.getCurrentUrl()).endsWith("/login?logout");
  }

  @Test
  void wrongPasswordShowsAChineseMessage() throws Exception {
    driver = Browser.start();
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys("nobody");
    driver.findElement(By.id("password")).sendKeys("wrong-password-1");
    driver.findElement(By.id("login-submit")).click();
    assertThat(driver.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
  }
}
