package com.upgradecoordination.devsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A development-only token issuer: an RSA key pair whose public half the services trust through
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, and signed JWTs for any
 * principal and roles. Used by the tests and the local run; production settings never point at it.
 */
public final class DevTokenIssuer {

    public static final String ISSUER = "upgrade-coordination-dev-issuer";
    private static final Duration DEFAULT_VALIDITY = Duration.ofHours(8);

    private final KeyPair keys;
    private final Path publicKeyFile;

    private DevTokenIssuer(KeyPair keys, Path publicKeyFile) {
        this.keys = keys;
        this.publicKeyFile = publicKeyFile;
    }

    /** A new key pair; the public key is written to a temporary PEM file. */
    public static DevTokenIssuer temporary() {
        try {
            Path directory = Files.createTempDirectory("dev-issuer");
            KeyPair keys = generate();
            write(directory.resolve("public.pem"), "PUBLIC KEY", keys.getPublic().getEncoded());
            return new DevTokenIssuer(keys, directory.resolve("public.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key pair kept in {@code directory} (created on first use), so tokens outlive restarts. */
    public static DevTokenIssuer inDirectory(Path directory) {
        Path publicKey = directory.resolve("public.pem");
        Path privateKey = directory.resolve("private.pem");
        try {
            if (!Files.exists(privateKey)) {
                Files.createDirectories(directory);
                KeyPair keys = generate();
                write(publicKey, "PUBLIC KEY", keys.getPublic().getEncoded());
                write(privateKey, "PRIVATE KEY", keys.getPrivate().getEncoded());
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PublicKey pub = rsa.generatePublic(new X509EncodedKeySpec(read(publicKey)));
            PrivateKey priv = rsa.generatePrivate(new PKCS8EncodedKeySpec(read(privateKey)));
            return new DevTokenIssuer(new KeyPair(pub, priv), publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Dev issuer keys in " + directory + " are unreadable: " + e.getMessage(), e);
        }
    }

    /** Where the services find the public key: the value for {@code public-key-location}. */
    public String publicKeyLocation() {
        return "file:" + publicKeyFile.toAbsolutePath();
    }

    public String token(String principal, String... roles) {
        return sign(principal, List.of(roles), Instant.now(), DEFAULT_VALIDITY, keys.getPrivate());
    }

    public String token(String principal, Duration validity, String... roles) {
        return sign(principal, List.of(roles), Instant.now(), validity, keys.getPrivate());
    }

    /** A token that expired an hour ago. */
    public String expiredToken(String principal, String... roles) {
        return sign(principal, List.of(roles), Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1),
                keys.getPrivate());
    }

    /** A well-formed token signed by a key nobody trusts. */
    public String forgedToken(String principal, String... roles) {
        return sign(principal, List.of(roles), Instant.now(), DEFAULT_VALIDITY, generate().getPrivate());
    }

    private static String sign(String principal, List<String> roles, Instant issuedAt, Duration validity,
                               PrivateKey key) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(principal)
                .claim("preferred_username", principal)
                .claim("roles", roles)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validity)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a dev token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static byte[] read(Path file) throws IOException {
        String pem = Files.readString(file).replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(pem);
    }
}
