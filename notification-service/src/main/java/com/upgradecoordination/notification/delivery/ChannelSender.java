package com.upgradecoordination.notification.delivery;

import com.upgradecoordination.notification.api.Channel;

/** Delivers notifications over one outgoing channel. */
public interface ChannelSender {

    Channel channel();

    /** Returns once the channel accepted the notification. */
    void send(OutgoingNotification notification) throws DeliveryFailure;
}
