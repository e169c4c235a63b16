package xuanju.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Xuanju web application (选举管理系统). */
@SpringBootApplication
public class XuanjuApplication {
  public static void main(String[] args) {
    SpringApplication.run(XuanjuApplication.class, args);
  }
}
