package xuanju.server.database;

import java.nio.file.Path;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Stops the built-in PostgreSQL server when the application stops in order (内置数据库的停止): the
 * connection pool depends on this bean, so it is closed first and the server stops last.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xuanju.db.kind", havingValue = "embedded")
public class LocalPostgresLifecycle {
  static final String BEAN = "xuanjuLocalPostgres";

  /** The handle whose destruction stops the server. */
  public static final class Handle implements DisposableBean {
    private final Path home;

    Handle(Path home) {
      this.home = home;
    }

    @Override
    public void destroy() {
      DatabaseChoice.stop(home);
    }
  }

  @Bean(name = BEAN)
  Handle xuanjuLocalPostgres(Environment env) {
    return new Handle(Path.of(env.getRequiredProperty("xuanju.db.embedded-home")));
  }

  /** Makes the data source depend on the handle (destroyed before it). */
  @Bean
  static BeanFactoryPostProcessor dataSourceAfterLocalPostgres() {
    return (ConfigurableListableBeanFactory bf) -> {
      for (String name : bf.getBeanNamesForType(javax.sql.DataSource.class, true, false)) {
        var def = bf.getBeanDefinition(name);
        String[] before = def.getDependsOn();
        String[] after =
            before == null ? new String[1] : java.util.Arrays.copyOf(before, before.length + 1);
        after[after.length - 1] = BEAN;
        def.setDependsOn(after);
      }
    };
  }
}
