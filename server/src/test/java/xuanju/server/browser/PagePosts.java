package xuanju.server.browser;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Posts a page's form many times from the page itself (表单批量提交): the same endpoint, the session and
 * the page's CSRF token, one post after the other, without loading the next page after each. For a
 * form a browser test has already used once through the page (with its confirmation), when the same
 * form must be sent for dozens of units or people on a loaded machine.
 */
final class PagePosts {
  private PagePosts() {}

  /** A form post for {@link #post}: the page's endpoint, its fields, and a file (name, bytes). */
  static Map<String, Object> request(String action, Map<String, String> fields, List<Object> file) {
    Map<String, Object> r = new HashMap<>();
    r.put("action", action);
    r.put("fields", fields);
    if (file != null) {
      r.put("file", List.of(file.get(0), Base64.getEncoder().encodeToString((byte[]) file.get(1))));
    }
    return r;
  }

  /**
   * Posts the same forms again for the many units and subjects (推荐单位、名单、参与情况、考察意见) from the current
   * page, one after the other, with the page's session and CSRF token, without loading the page
   * after each: each form was first used through the page with its confirmation above. Each answer
   * is {@code ok} (the redirect of a saved change) or the status and the page's error text.
   */
  @SuppressWarnings("unchecked")
  static List<String> post(WebDriver driver, List<Map<String, Object>> requests) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(300));
    return (List<String>)
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const reqs = arguments[0], done = arguments[arguments.length - 1];"
                    + "const token = document.querySelector('meta[name=\"_csrf\"]').content;"
                    + "const header = document.querySelector('meta[name=\"_csrf_header\"]').content;"
                    + "(async () => { const out = [];"
                    + " for (const q of reqs) {"
                    + "  const fd = new FormData();"
                    + "  for (const [k, v] of Object.entries(q.fields)) fd.append(k, v);"
                    + "  if (q.file) { const b = atob(q.file[1]); const a = new Uint8Array(b.length);"
                    + "   for (let i = 0; i < b.length; i++) a[i] = b.charCodeAt(i);"
                    + "   fd.append('file', new Blob([a]), q.file[0]); }"
                    + "  const r = await fetch(q.action, {method: 'POST', body: fd,"
                    + "   headers: {[header]: token}, redirect: 'manual', credentials: 'same-origin'});"
                    + "  if (r.type === 'opaqueredirect') { out.push('ok'); continue; }"
                    + "  const d = new DOMParser().parseFromString(await r.text(), 'text/html');"
                    + "  const e = d.querySelector('.alert-danger');"
                    + "  out.push(r.status + '：' + (e ? e.textContent.trim() : '')); }"
                    + " done(out); })().catch(e => done(['脚本出错：' + e]));",
                requests);
  }
}
