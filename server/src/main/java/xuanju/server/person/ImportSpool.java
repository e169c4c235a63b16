package xuanju.server.person;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;
import xuanju.core.register.Occupation;
import xuanju.core.register.PoliticalStatus;
import xuanju.core.register.Resident;
import xuanju.core.roster.ResidentIds;

/**
 * The checked rows of an import, kept in a temporary file between the check of the whole file and
 * the write (导入暂存): all-or-nothing needs every row checked before the first is written, and a
 * million checked people do not fit in memory. Deleted on {@link #close()}.
 */
final class ImportSpool implements Closeable {
  private static final LocalDate FAR_FUTURE = LocalDate.of(9999, 12, 31);
  private final Path file;
  private DataOutputStream out;
  private int count;

  ImportSpool() throws IOException {
    file = Files.createTempFile("xuanju-people-", ".spool");
    out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  int count() {
    return count;
  }

  /** Adds a row; {@code personId} 0 = a new person, else the person to update. */
  void add(long personId, String unit, Resident r) throws IOException {
    out.writeLong(personId);
    out.writeUTF(unit);
    out.writeUTF(r.idNumber());
    out.writeUTF(r.name());
    out.writeUTF(r.ethnicity() == null ? "" : r.ethnicity());
    out.writeUTF(r.address());
    out.writeUTF(r.hukouPlace());
    out.writeUTF(r.residencePlace());
    out.writeUTF(r.group());
    out.writeUTF(r.workplace());
    out.writeUTF(r.politicalStatus() == null ? "" : r.politicalStatus().name());
    out.writeUTF(r.occupation() == null ? "" : r.occupation().name());
    out.writeUTF(PersonRepository.tagsText(r));
    out.writeUTF(r.household());
    count++;
  }

  /** Reads every row back, in the order added. */
  void forEach(Consumer<PersonBulkWriter.Row> sink) throws IOException {
    out.close();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      while (true) {
        long id;
        try {
          id = in.readLong();
        } catch (EOFException end) {
          return;
        }
        String unit = in.readUTF();
        String idNumber = in.readUTF();
        String name = in.readUTF();
        String ethnicity = in.readUTF();
        Resident.Builder b =
            Resident.builder(ResidentIds.parse(idNumber, FAR_FUTURE).orElseThrow(), name)
                .ethnicity(ethnicity.isEmpty() ? null : ethnicity)
                .address(in.readUTF())
                .hukouPlace(in.readUTF())
                .residencePlace(in.readUTF())
                .group(in.readUTF())
                .workplace(in.readUTF());
        String ps = in.readUTF();
        String occ = in.readUTF();
        String tags = in.readUTF();
        String household = in.readUTF();
        b.politicalStatus(ps.isEmpty() ? null : PoliticalStatus.valueOf(ps))
            .occupation(occ.isEmpty() ? null : Occupation.valueOf(occ))
            .tags(tags.isEmpty() ? Set.of() : Set.of(tags.split("、")))
            .household(household);
        sink.accept(new PersonBulkWriter.Row(id, unit, b.build()));
      }
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
    Files.deleteIfExists(file);
  }
}
