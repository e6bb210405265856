package com.upgradecoordination.notification.delivery;

import com.upgradecoordination.notification.api.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The EMAIL channel: a plain-text mail over SMTP through Spring's {@link JavaMailSender}, which
 * Spring Boot configures from {@code spring.mail.*} (host, port, username, password). Without
 * {@code spring.mail.host} there is no sender and every email fails permanently, recorded.
 */
@Component
public class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final DeliverySettings settings;

    public EmailSender(ObjectProvider<JavaMailSender> mailSender, DeliverySettings settings) {
        this.mailSender = mailSender;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(OutgoingNotification notification) throws DeliveryFailure {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailure("no SMTP server configured (spring.mail.host)", true, null);
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(settings.emailFrom());
        mail.setTo(notification.address());
        mail.setSubject("[Upgrade " + notification.caseId() + "] " + notification.sourceEventType());
        mail.setText(notification.message() + "\n\n-- \nUpgrade coordination, case " + notification.caseId()
                + ", notification " + notification.notificationId());
        try {
            sender.send(mail);
        } catch (MailParseException | MailPreparationException | MailAuthenticationException refused) {
            throw new DeliveryFailure("email refused: " + refused.getMessage(), true, refused);
        } catch (MailException failed) {
            // connection refused, timeouts, a busy or rejecting server: worth another attempt
            throw new DeliveryFailure("email not delivered: " + failed.getMessage(), false, failed);
        }
    }
}
