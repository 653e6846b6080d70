/** The fake Converse endpoint checked on the wire with a plain HTTP client. */
@NullMarked
package io.vgac.testkit.bedrock;

import org.jspecify.annotations.NullMarked;
