package fetch

import (
	"fmt"
	"net/netip"
	"syscall"
)

// special lists the address ranges that are not the public internet beyond
// what netip's predicates already name: shared carrier-grade NAT space,
// protocol assignments, benchmarking, documentation, reserved and
// broadcast ranges, and the IPv6 ranges that embed or stand for them.
var special = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("::/96"),           // unspecified, loopback, IPv4-compatible
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("2001::/32"),       // Teredo: tunnels to any IPv4 address
}

// Prefixes whose addresses carry an IPv4 address that is dialled in the
// end: NAT64 (the last 32 bits) and 6to4 (bits 16 to 48).
var (
	nat64 = netip.MustParsePrefix("64:ff9b::/96")
	sixTo = netip.MustParsePrefix("2002::/16")
)

// Public reports whether a is an address on the public internet: not
// loopback, private, link-local, multicast, unspecified or one of the
// special-purpose ranges, in IPv4 or IPv6, and not an IPv6 form (mapped,
// NAT64, 6to4) of an IPv4 address that is not public either.
func Public(a netip.Addr) bool {
	if !a.IsValid() {
		return false
	}
	a = a.Unmap().WithZone("")
	if a.Is6() {
		switch {
		case nat64.Contains(a):
			b := a.As16()
			return Public(netip.AddrFrom4([4]byte(b[12:16])))
		case sixTo.Contains(a):
			b := a.As16()
			return Public(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	if a.IsLoopback() || a.IsPrivate() || a.IsUnspecified() || a.IsMulticast() ||
		a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() {
		return false
	}
	for _, p := range special {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// control is a net.Dialer Control function: it runs on the address about to
// be connected, after name resolution, so a name that resolves to a private
// address (or is rebound to one between two lookups) cannot get through.
func (c *Client) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot read the address %q", ErrBlocked, address)
	}
	if c.opts.AllowPrivate || Public(ap.Addr()) || (c.exempt != nil && c.exempt(ap)) {
		return nil
	}
	return fmt.Errorf("%w: %s is not a public address (use --allow-private to reach it)", ErrBlocked, ap.Addr().Unmap())
}
