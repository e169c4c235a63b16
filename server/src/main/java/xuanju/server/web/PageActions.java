package xuanju.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.rule.InvalidInputException;

/**
 * The one home of what a page's POST does with a refusal (页面操作的统一处理). A service refuses bad input
 * with {@link InvalidInputException} (the field and the rule) and an action the state does not
 * allow with {@link IllegalStateException} or {@link IllegalArgumentException}; the page shows the
 * Chinese message and nothing has changed. Two ways, as the pages need them:
 *
 * <ul>
 *   <li>{@link #orPage}: on success the action's own redirect; on a refusal the page is rendered
 *       again in place, with the error and status 400 (bad input) or 409 (not allowed now), so that
 *       the form keeps what was typed;
 *   <li>{@link #orFlash}: on success a message, on a refusal the error, both flashed to the page
 *       the redirect leads to.
 * </ul>
 */
public final class PageActions {
  private PageActions() {}

  /** The Chinese text of a refusal: the field and rule for bad input, else the message. */
  public static String message(RuntimeException e) {
    return e instanceof InvalidInputException iie ? iie.describe() : e.getMessage();
  }

  /**
   * Runs {@code action} (which returns its view, normally a redirect); on a refusal renders {@code
   * page} again with the error in the model attribute {@code error}.
   */
  public static String orPage(
      Model model, HttpServletResponse response, Supplier<String> page, Supplier<String> action) {
    try {
      return action.get();
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", message(e));
    } catch (IllegalStateException | IllegalArgumentException e) {
      response.setStatus(409);
      model.addAttribute("error", message(e));
    }
    return page.get();
  }

  /**
   * Runs {@code action}; on success flashes {@code done} (as {@code message}) and redirects to
   * {@code target}; a refusal renders {@code page} again with the service's own Chinese message
   * (400 for bad input, 409 for a state that does not allow it), nothing changed.
   */
  public static String orPageThenRedirect(
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      Supplier<String> page,
      String target,
      String done,
      Runnable action) {
    try {
      action.run();
    } catch (InvalidInputException | IllegalStateException e) {
      response.setStatus(e instanceof InvalidInputException ? 400 : 409);
      model.addAttribute("error", e.getMessage());
      return page.get();
    }
    flash.addFlashAttribute("message", done);
    return "redirect:" + target;
  }

  /**
   * Runs {@code action}; flashes {@code done} (as {@code message}; none if null) or the refusal (as
   * {@code error}) and redirects to {@code target}.
   */
  public static String orFlash(
      RedirectAttributes flash, String target, String done, Runnable action) {
    return orFlash(flash, target, "message", done, action);
  }

  /** The same with the flash attribute of the success message named (e.g. {@code notice}). */
  public static String orFlash(
      RedirectAttributes flash, String target, String doneKey, String done, Runnable action) {
    try {
      action.run();
      if (done != null) {
        flash.addFlashAttribute(doneKey, done);
      }
    } catch (InvalidInputException | IllegalStateException | IllegalArgumentException e) {
      flash.addFlashAttribute("error", message(e));
    }
    return "redirect:" + target;
  }
}
