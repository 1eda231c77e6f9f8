package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogConfiguratorTest {
  @Test
  void logbackFindsItAsAService() {
    assertTrue(
        ServiceLoader.load(Configurator.class).stream()
            .anyMatch(p -> p.type() == LogConfigurator.class));
    // and it is what configured this JVM's logging: WARN to standard error
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
  }

  @Test
  void warnAndAboveToStandardError() {
    LoggerContext context = new LoggerContext();
    LogConfigurator configurator = new LogConfigurator();
    configurator.setContext(context);
    assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertEquals(Level.WARN, root.getLevel());
    ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
    assertEquals("System.err", stderr.getTarget());
    assertTrue(stderr.isStarted());
    assertEquals(
        LogConfigurator.PATTERN, ((PatternLayoutEncoder) stderr.getEncoder()).getPattern());
    assertFalse(context.getLogger("org.apache.jena").isInfoEnabled());
  }

  @Test
  void stepsAsideForAUsersOwnConfigurationFile() {
    String old = System.getProperty(LogConfigurator.CONFIG_PROPERTY);
    System.setProperty(LogConfigurator.CONFIG_PROPERTY, "my-logback.xml");
    try {
      LoggerContext context = new LoggerContext();
      LogConfigurator configurator = new LogConfigurator();
      configurator.setContext(context);
      assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator.configure(context));
      assertEquals(null, context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"));
    } finally {
      if (old == null) {
        System.clearProperty(LogConfigurator.CONFIG_PROPERTY);
      } else {
        System.setProperty(LogConfigurator.CONFIG_PROPERTY, old);
      }
    }
  }
}
