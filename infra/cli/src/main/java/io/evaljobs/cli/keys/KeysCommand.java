package io.evaljobs.cli.keys;

import picocli.CommandLine.Command;

/** {@code evaljobs keys}: the API keys the authorizer accepts, and the page token key. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Creates, lists and revokes API keys; generates page token keys.",
    subcommands = {CreateKeyCommand.class, ListKeysCommand.class, RevokeKeyCommand.class, TokenKeyCommand.class})
public final class KeysCommand {}
