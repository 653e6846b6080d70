@NullMarked
package io.vgac.dynamodb;

import org.jspecify.annotations.NullMarked;
