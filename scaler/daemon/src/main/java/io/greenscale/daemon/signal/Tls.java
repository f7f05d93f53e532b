package io.greenscale.daemon.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Trust in the CA certificates of one PEM file (a mounted Secret's ca.crt). */
final class Tls {
    private Tls() {}

    /** A key store holding the file's certificates as trusted entries. */
    static KeyStore trustStore(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new IllegalArgumentException(caPem + " holds no PEM certificate");
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CA file " + caPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use CA file " + caPem + ": " + e.getMessage(), e);
        }
    }

    /** The trust store as PKCS12 bytes under {@code password}, for clients that load trust from a stream. */
    static byte[] pkcs12(Path caPem, char[] password) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            trustStore(caPem).store(out, password);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use CA file " + caPem + ": " + e.getMessage(), e);
        }
    }

    static SSLContext trusting(Path caPem) {
        try {
            KeyStore store = trustStore(caPem);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use CA file " + caPem + ": " + e.getMessage(), e);
        }
    }
}
