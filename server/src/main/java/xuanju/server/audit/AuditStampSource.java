package xuanju.server.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import xuanju.server.documents.AuditStamp;

/** Gives the documents the chain head's short form to print (审计链校验码, {@link AuditStamp}). */
@Component
class AuditStampSource {
  private final Supplier<String> source;

  AuditStampSource(AuditLog audit) {
    this.source =
        () -> {
          AuditLog.Head h = audit.head();
          return h.seq() == 0 ? null : h.code();
        };
  }

  @PostConstruct
  void register() {
    AuditStamp.register(source);
  }

  @PreDestroy
  void unregister() {
    AuditStamp.unregister(source);
  }
}
