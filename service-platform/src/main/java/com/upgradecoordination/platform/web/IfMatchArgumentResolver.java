package com.upgradecoordination.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.SyncHandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Fills a handler's {@link IfMatch} parameter from the request. It never fails: a malformed header
 * is refused only when the handler asks for {@link IfMatch#version()}, so a request body is read
 * and validated first and its refusal wins when both are wrong (arguments resolve concurrently;
 * failing here would race the body).
 */
public class IfMatchArgumentResolver implements SyncHandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IfMatch.class;
    }

    @Override
    public IfMatch resolveArgumentValue(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        return IfMatch.of(exchange.getRequest().getHeaders());
    }
}
