package dev.weir.client;

import dev.weir.core.WeirException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks the address of the Weir API, so that a mistyped setting fails with a message instead of odd 404s. */
final class ApiUrl {

    static final String EXPECTED = "http(s)://host:port/api, such as http://127.0.0.1:4200/api";

    private ApiUrl() {}

    /** Parses {@code value}, read from the setting {@code source}; the result has no trailing slash. */
    static URI parse(String value, String source) {
        try {
            return check(new URI(value.trim()), source);
        } catch (URISyntaxException e) {
            throw invalid(source, value, "it is not a valid URL (" + e.getReason() + ")");
        }
    }

    /** Checks {@code uri}, given as {@code source}; the result has no trailing slash. */
    static URI check(URI uri, String source) {
        String shown = uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo(), "***");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(source, shown, "the scheme must be http or https");
        }
        if (uri.getHost() == null) {
            throw invalid(source, shown, "it names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(source, shown, "credentials do not belong in the URL; set WEIR_API_KEY instead");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(source, shown, "it must not have a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (path.isEmpty()) {
            throw invalid(source, shown, "it has no path; the API is served under /api");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static WeirException invalid(String source, String value, String reason) {
        return new WeirException(source + " must be the address of the Weir API in the form " + EXPECTED + "; got '"
                + value + "': " + reason);
    }
}
