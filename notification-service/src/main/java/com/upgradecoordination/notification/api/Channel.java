package com.upgradecoordination.notification.api;

/** How a notification reaches its recipient (SPEC N2). Only the inbox exists yet; EMAIL and WEBHOOK come later. */
public enum Channel { INBOX }
