package com.upgradecoordination.platform.personaldata;

import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.platform.axon.AuditMetadata;
import com.upgradecoordination.platform.security.Roles;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleSerializers;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Writes every text field marked {@link PersonalData} as a {@link PersonalDataCipher} token and reads
 * it back; so too the actor's principal in a message's metadata ({@link AuditMetadata#ACTOR}), which
 * names the person who caused each event (unless it is a service or automation account, role
 * INTEGRATION). Installed in Axon's serializers only (see {@link PersonalDataAutoConfiguration}): stored
 * events hold tokens, while the HTTP answers and Kafka records, written by other mappers, hold the
 * values as the code has them.
 */
public class PersonalDataModule extends JacksonModule {

    private final PersonalDataCipher cipher;

    public PersonalDataModule(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String getModuleName() {
        return "personal-data";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        Encrypting encrypting = new Encrypting(cipher);
        Decrypting decrypting = new Decrypting(cipher);
        context.insertAnnotationIntrospector(new NopAnnotationIntrospector() {
            @Override
            public Object findSerializer(MapperConfig<?> config, Annotated member) {
                return marked(member) ? encrypting : null;
            }

            @Override
            public Object findDeserializer(MapperConfig<?> config, Annotated member) {
                return marked(member) ? decrypting : null;
            }
        });
        context.addSerializers(new SimpleSerializers().addSerializer(MetaData.class, new MetaDataWriter(cipher)));
        // registered after Axon's own MetaData deserializer, so this one is found first
        context.addDeserializers(new SimpleDeserializers().addDeserializer(MetaData.class, new MetaDataReader(cipher)));
    }

    /** A text member marked as personal data (a record component's field, accessor or constructor parameter). */
    private static boolean marked(Annotated member) {
        return member.getRawType() == String.class && member.hasAnnotation(PersonalData.class);
    }

    private static final class Encrypting extends StdSerializer<String> {
        private final PersonalDataCipher cipher;

        Encrypting(PersonalDataCipher cipher) {
            super(String.class);
            this.cipher = cipher;
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(cipher.encrypt(value));
        }
    }

    private static final class Decrypting extends StdScalarDeserializer<String> {
        private final PersonalDataCipher cipher;

        Decrypting(PersonalDataCipher cipher) {
            super(String.class);
            this.cipher = cipher;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return cipher.decrypt(StringDeserializer.instance.deserialize(parser, context));
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    private static final class MetaDataWriter extends StdSerializer<MetaData> {
        private final PersonalDataCipher cipher;

        MetaDataWriter(PersonalDataCipher cipher) {
            super(MetaData.class);
            this.cipher = cipher;
        }

        @Override
        public void serialize(MetaData metaData, JsonGenerator generator, SerializationContext context) {
            Map<String, Object> stored = new HashMap<>(metaData);
            // a service or automation account (role INTEGRATION) is no person
            if (stored.get(AuditMetadata.ACTOR) instanceof String actor
                    && !Roles.INTEGRATION.equals(stored.get(AuditMetadata.ACTOR_ROLE))) {
                stored.put(AuditMetadata.ACTOR, cipher.encrypt(actor));
            }
            context.writeValue(generator, stored);
        }
    }

    private static final class MetaDataReader extends StdDeserializer<MetaData> {
        private final PersonalDataCipher cipher;
        /**
         * The stored map's deserializer, found once per mapper ({@link #createContextual}, which Jackson
         * calls before any use): looked up for every message it was a quarter of reading metadata, ~5%
         * of a read model's rebuild (issue 13).
         */
        private final ValueDeserializer<Object> storedMaps;

        MetaDataReader(PersonalDataCipher cipher) {
            this(cipher, null);
        }

        private MetaDataReader(PersonalDataCipher cipher, ValueDeserializer<Object> storedMaps) {
            super(MetaData.class);
            this.cipher = cipher;
            this.storedMaps = storedMaps;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return storedMaps != null ? this : new MetaDataReader(cipher, context.findRootValueDeserializer(
                    context.getTypeFactory().constructMapType(HashMap.class, String.class, Object.class)));
        }

        @Override
        @SuppressWarnings("unchecked")
        public MetaData deserialize(JsonParser parser, DeserializationContext context) {
            Map<String, Object> stored = (Map<String, Object>) storedMaps.deserialize(parser, context);
            if (stored.get(AuditMetadata.ACTOR) instanceof String actor) {
                stored.put(AuditMetadata.ACTOR, cipher.decrypt(actor));
            }
            return MetaData.from(stored);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                                          TypeDeserializer typeDeserializer) {
            return typeDeserializer.deserializeTypedFromObject(parser, context);
        }
    }
}
