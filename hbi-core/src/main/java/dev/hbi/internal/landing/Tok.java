package dev.hbi.internal.landing;

/** The kinds of token the {@link Lexer} produces, with how error messages name them. */
enum Tok {
    NAME("name"),
    NUMBER("number"),
    STRING("string literal"),
    BYTES("bytes literal"),
    LPAR("'('"),
    RPAR("')'"),
    LSQB("'['"),
    RSQB("']'"),
    LBRACE("'{'"),
    RBRACE("'}'"),
    COMMA("','"),
    COLON("':'"),
    SEMI("';'"),
    ASSIGN("'='"),
    PLUS("'+'"),
    MINUS("'-'"),
    STAR("'*'"),
    DOUBLESTAR("'**'"),
    DOT("'.'"),
    /** Any other Python operator or delimiter, such as {@code ==}, {@code +=} or {@code :=}. */
    OPERATOR("operator"),
    /** The end of a logical line, outside brackets. */
    NEWLINE("end of line"),
    END("end of code");

    private final String shown;

    Tok(String shown) {
        this.shown = shown;
    }

    String shown() {
        return shown;
    }
}
