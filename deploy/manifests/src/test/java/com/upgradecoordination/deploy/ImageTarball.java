package com.upgradecoordination.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image tarball as jib:buildTar writes it (docker-save layout): manifest.json names the config
 * file and the layers, each layer a gzipped tar of files.
 */
record ImageTarball(JsonNode config, List<byte[]> layers) {

    static ImageTarball read(Path tarball) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        JsonNode manifest = JsonMapper.shared().readTree(entries.get("manifest.json")).get(0);
        JsonNode config = JsonMapper.shared().readTree(entries.get(manifest.get("Config").asString()));
        List<byte[]> layers = manifest.get("Layers").valueStream().map(layer -> entries.get(layer.asString())).toList();
        return new ImageTarball(config, layers);
    }

    /** The container's settings: user, entrypoint, environment, ports. */
    JsonNode containerConfig() {
        return config.get("config");
    }

    List<String> entrypoint() {
        return containerConfig().get("Entrypoint").valueStream().map(JsonNode::asString).toList();
    }

    /** Every path in the image's filesystem, relative to its root. */
    Set<String> files() throws IOException {
        Set<String> files = new LinkedHashSet<>();
        for (byte[] layer : layers) {
            try (TarArchiveInputStream tar = layer(layer)) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    files.add(relative(entry));
                }
            }
        }
        return files;
    }

    /** Writes the image's filesystem under {@code root}, layer over layer, with the files' modes. */
    void unpack(Path root) throws IOException {
        for (byte[] layer : layers) {
            try (TarArchiveInputStream tar = layer(layer)) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    Path target = root.resolve(relative(entry)).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("entry outside the image root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                        continue;
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
    }

    private static TarArchiveInputStream layer(byte[] layer) throws IOException {
        InputStream in = new ByteArrayInputStream(layer);
        boolean gzipped = layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b;
        return new TarArchiveInputStream(gzipped ? new GZIPInputStream(in) : in);
    }

    private static String relative(TarArchiveEntry entry) {
        return entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }
}
