package io.evaljobs.aws;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A TLS context that serves and trusts one self-signed certificate for "localhost" only, made once per test run. */
final class SelfSignedTls {
  private static final char[] PASSWORD = "changeit".toCharArray();

  private SelfSignedTls() {}

  static SSLContext forLocalhost() {
    return Holder.CONTEXT;
  }

  private static final class Holder {
    static final SSLContext CONTEXT = create();
  }

  /** The JDK's keytool makes the certificate, in a key store that is deleted once read. */
  private static SSLContext create() {
    try {
      Path directory = Files.createTempDirectory("self-signed-tls");
      try {
        return create(directory.resolve("server.p12"));
      } finally {
        Files.deleteIfExists(directory.resolve("server.p12"));
        Files.delete(directory);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a self-signed certificate", e);
    }
  }

  private static SSLContext create(Path keystore) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }
}
