/**
 * A fake VGAC platform for tests: {@link io.vgac.testkit.vgac.FakeVgacServer} serves the REST contract from scripted
 * state on 127.0.0.1 and injects {@link io.vgac.testkit.vgac.Fault}s on demand; {@link io.vgac.testkit.vgac.VgacWire}
 * writes the agents' model in the platform's wire format.
 */
@NullMarked
package io.vgac.testkit.vgac;

import org.jspecify.annotations.NullMarked;
