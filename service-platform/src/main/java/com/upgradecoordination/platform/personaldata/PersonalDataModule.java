package com.upgradecoordination.platform.personaldata;

import com.upgradecoordination.events.PersonalData;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Writes every text field marked {@link PersonalData} as a {@link PersonalDataCipher} token and reads
 * it back. Installed in Axon's serializers only (see {@link PersonalDataAutoConfiguration}): stored
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
}
