package io.evaljobs.cli;

import io.evaljobs.cli.counts.CountsCommand;
import io.evaljobs.cli.imports.ImportCommand;
import io.evaljobs.cli.keys.KeysCommand;
import io.evaljobs.cli.tables.TablesCommand;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The {@code evaljobs} command line: creates tables, imports jobs and manages API keys on any DynamoDB endpoint. */
@Command(
    name = "evaljobs",
    mixinStandardHelpOptions = true,
    version = "evaljobs 1.0.0",
    description = "Creates the tables, imports jobs and manages API keys of the evaljobs APIs.",
    subcommands = {TablesCommand.class, ImportCommand.class, KeysCommand.class, CountsCommand.class})
public final class EvaljobsCli {
  /** Exit code when some lines of an import were rejected, or a command failed. */
  public static final int EXIT_FAILED = 1;

  /** Exit code for a command line that does not parse. */
  public static final int EXIT_USAGE = 2;

  @Option(
      names = "--endpoint",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "DynamoDB endpoint, e.g. http://localhost:8000 for DynamoDB Local (default: AWS).")
  private URI endpoint;

  @Option(
      names = "--region",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:AWS_REGION:-us-east-1}",
      description = "AWS region (default: AWS_REGION or us-east-1).")
  private String region;

  private final DynamoDbConnector connector;
  private DynamoDbClient client;

  public EvaljobsCli() {
    this(new AwsConnector());
  }

  public EvaljobsCli(DynamoDbConnector connector) {
    this.connector = connector;
  }

  public static void main(String[] args) {
    System.exit(commandLine(new EvaljobsCli()).execute(args));
  }

  /** The configured command line around {@code cli}: failures print one line, never a stack trace. */
  public static CommandLine commandLine(EvaljobsCli cli) {
    CommandLine commandLine = new CommandLine(cli);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          PrintWriter err = failed.getErr();
          err.println("evaljobs: " + messageOf(exception));
          err.flush();
          return EXIT_FAILED;
        });
    return commandLine;
  }

  /** The root command of {@code spec}'s command line. */
  public static EvaljobsCli of(CommandSpec spec) {
    return (EvaljobsCli) spec.root().userObject();
  }

  /** The one DynamoDB client of this run, opened on first use. */
  public DynamoDbClient dynamoDb() {
    if (client == null) {
      client = connector.connect(Optional.ofNullable(endpoint), region);
    }
    return client;
  }

  private static String messageOf(Exception exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
  }
}
