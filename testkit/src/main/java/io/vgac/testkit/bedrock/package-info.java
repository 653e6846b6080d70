/**
 * A fake Amazon Bedrock Converse endpoint on loopback that speaks the real wire format (the JSON the AWS SDK sends
 * and parses, and its error responses), for testing planners without AWS.
 */
@NullMarked
package io.vgac.testkit.bedrock;

import org.jspecify.annotations.NullMarked;
