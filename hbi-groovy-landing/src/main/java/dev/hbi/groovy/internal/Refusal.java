package dev.hbi.groovy.internal;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * What confinement refuses in a script's source: reported as a compile error at the node's position,
 * with the message as the peer reads it (without the "does not compile" of Groovy's own errors).
 */
final class Refusal extends SyntaxException {

    Refusal(String message, ASTNode node) {
        super(message, node);
    }
}
