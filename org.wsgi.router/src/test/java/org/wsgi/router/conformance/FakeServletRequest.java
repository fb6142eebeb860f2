package org.wsgi.router.conformance;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/** Just enough of a servlet request for the CGI environment builder, made from a recorded request. */
public final class FakeServletRequest {

    private FakeServletRequest() {
    }

    public static HttpServletRequest of(String method, String uri, String query, List<Map.Entry<String, String>> headers,
            int port) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getHeaderNames" -> Collections.enumeration(
                            headers.stream().map(h -> h.getKey().toLowerCase(java.util.Locale.ROOT)).distinct()
                                    .toList());
                    case "getHeaders" -> Collections.enumeration(values(headers, (String) args[0]));
                    case "getHeader" -> values(headers, (String) args[0]).stream().findFirst().orElse(null);
                    case "getScheme" -> "http";
                    case "getLocalAddr", "getRemoteAddr" -> "127.0.0.1";
                    case "getLocalPort" -> port;
                    case "getRemotePort" -> 40000;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getMethod" -> method;
                    case "getQueryString" -> query;
                    case "getRequestURI" -> uri;
                    case "getContentLengthLong" -> -1L;
                    case "getAttribute" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> method + " " + uri;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static List<String> values(List<Map.Entry<String, String>> headers, String name) {
        List<String> v = new ArrayList<>();
        headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).forEach(h -> v.add(h.getValue()));
        return v;
    }
}
