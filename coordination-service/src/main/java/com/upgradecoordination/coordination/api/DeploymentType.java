package com.upgradecoordination.coordination.api;

/** How the customer's GitLab is installed today. */
public enum DeploymentType { OMNIBUS_SINGLE_NODE, OMNIBUS_MULTI_NODE, CLOUD_NATIVE_HYBRID, HELM, OTHER }
