package dev.hbi.groovy.internal;

import java.util.Arrays;
import org.codehaus.groovy.ast.ASTNode;

/**
 * The positions of the checked sites of a script, numbered as they are added while the script is
 * rewritten: four ints per site (line, column, last line, last column, in the shape's key). The
 * compiled code passes a site's number to the {@link Guard}, which reports errors at that position.
 * Filled by one compilation on one thread, then frozen into an array.
 */
final class Sites {

    private int[] positions = new int[64];
    private int count;

    /**
     * Adds a site.
     *
     * @param node the node whose position the site has
     * @return the site's number
     */
    int add(ASTNode node) {
        if (count * 4 + 4 > positions.length) {
            positions = Arrays.copyOf(positions, positions.length * 2);
        }
        int at = count * 4;
        positions[at] = node.getLineNumber();
        positions[at + 1] = node.getColumnNumber();
        positions[at + 2] = node.getLastLineNumber();
        positions[at + 3] = node.getLastColumnNumber();
        return count++;
    }

    int[] toArray() {
        return Arrays.copyOf(positions, count * 4);
    }
}
