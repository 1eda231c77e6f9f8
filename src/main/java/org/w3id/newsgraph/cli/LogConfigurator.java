package org.w3id.newsgraph.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * NewsGraph's logging set-up, found by Logback as a {@link Configurator} service: WARN and above to
 * standard error as {@code LEVEL logger - message} (the CLI prints its own output; {@code -v}
 * lowers the level to INFO). It does in code what a {@code logback.xml} would, without starting
 * Logback's XML machinery, which took about a fifth of a second of every start.
 *
 * <p>A user's own configuration still wins: when the system property {@value #CONFIG_PROPERTY}
 * names one, this configurator steps aside and Logback reads that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  /** Logback's own system property for a configuration file. */
  static final String CONFIG_PROPERTY = "logback.configurationFile";

  /** The pattern every log line is written with. */
  static final String PATTERN = "%level %logger{20} - %msg%n";

  /** Public, as {@link java.util.ServiceLoader} requires. */
  public LogConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(CONFIG_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
