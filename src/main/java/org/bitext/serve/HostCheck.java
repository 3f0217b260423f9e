package org.bitext.serve;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code Host} headers the preview answers. A page on another site whose name an attacker points
 * at this machine (DNS rebinding) sends its own name, so only names and addresses of this machine
 * pass: {@code localhost}, every loopback address, the address the server is bound to and the name it
 * was given, and, when it listens on every interface, this machine's addresses and host name. The
 * header is never looked up in DNS: a name passes only if it is one of these, an address only if it
 * is written as one.
 */
final class HostCheck {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    private final Set<String> names;
    private final Set<InetAddress> addresses;

    HostCheck(Set<String> names, Set<InetAddress> addresses) {
        this.names = Set.copyOf(names);
        this.addresses = Set.copyOf(addresses);
    }

    /** The check for a server started with {@code --host given}, bound to {@code bound}. */
    static HostCheck forServer(String given, InetAddress bound) {
        Set<String> names = new HashSet<>();
        Set<InetAddress> addresses = new HashSet<>();
        names.add("localhost");
        if (parse(given) == null) {
            names.add(given.toLowerCase(Locale.ROOT)); // a name the user chose to serve under
        }
        if (!bound.isAnyLocalAddress()) {
            addresses.add(plain(bound));
        } else {
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        addresses.add(plain(a));
                    }
                }
            } catch (SocketException e) {
                // no interface list: the bound address and loopback still pass
            }
            try {
                names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
            } catch (UnknownHostException e) {
                // this machine has no name of its own
            }
        }
        return new HostCheck(names, addresses);
    }

    /** True if a request with this {@code Host} header may be answered. */
    boolean allows(String header) {
        if (header == null) {
            return true; // HTTP/1.0 clients send none; a browser always does
        }
        String host = header.strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            String port = host.substring(colon + 1);
            if (!port.chars().allMatch(Character::isDigit)) {
                return false;
            }
            host = host.substring(0, colon);
        }
        if (host.isEmpty()) {
            return false;
        }
        InetAddress address = parse(host);
        if (address != null) {
            return address.isLoopbackAddress() || addresses.contains(address);
        }
        return names.contains(host);
    }

    /** The address written in {@code host} (IPv4 dotted quad, or IPv6 in brackets or bare), or null for a name. */
    static InetAddress parse(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            var m = IPV4.matcher(h);
            if (m.matches()) {
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(m.group(i + 1));
                    if (octet > 255) {
                        return null;
                    }
                    b[i] = (byte) octet;
                }
                return InetAddress.getByAddress(b);
            }
            if (h.contains(":") && IPV6.matcher(h.toLowerCase(Locale.ROOT)).matches()) {
                return plain(InetAddress.getByName(h)); // a literal: no lookup happens
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }

    /** The address without an IPv6 scope, so that addresses compare by their bytes alone. */
    private static InetAddress plain(InetAddress a) {
        if (a instanceof Inet6Address) {
            try {
                return InetAddress.getByAddress(a.getAddress());
            } catch (UnknownHostException e) {
                return a;
            }
        }
        return a;
    }
}
