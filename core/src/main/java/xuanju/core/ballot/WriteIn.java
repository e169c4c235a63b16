package xuanju.core.ballot;

import java.util.Objects;

/**
 * A name written in (另选他人) with the mark beside it.
 *
 * @param name the name written, as the scrutineers read it (also the write-in's id in the tally)
 * @param mark {@link Mark#YES} when marked ○; {@link Mark#ABSTAIN} when the name has no mark;
 *     {@link Mark#UNCLEAR} when the mark cannot be read; {@link Mark#NO} gives no vote
 */
public record WriteIn(String name, Mark mark) {
  public WriteIn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mark, "mark");
    name = name.strip();
  }
}
