package com.upgradecoordination.notification.delivery;

/**
 * A delivery attempt failed.
 *
 * @see #permanent()
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;

    public DeliveryFailure(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    /** True when trying again cannot help (the address refuses it for good); false when a later attempt may pass. */
    public boolean permanent() {
        return permanent;
    }
}
