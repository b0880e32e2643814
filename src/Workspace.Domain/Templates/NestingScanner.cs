using System.Collections.Frozen;
using Scriban.Parsing;

namespace Workspace.Domain.Templates;

/// <summary>
/// Measures how deeply a template nests before Scriban's recursive-descent parser sees it. The scan walks
/// Scriban's own token stream in a flat loop, so its cost is linear and its stack use constant however
/// hostile the text; the parser then only ever meets templates that nest at most
/// <see cref="TemplateLimits.MaxNesting"/> levels deep.
/// </summary>
internal static class NestingScanner
{
    // Statements that open a body closed by `end` when they start a statement. `else if`, `when` and `else`
    // continue the body they are in; `do` opens an anonymous function wherever it appears. (A one-line
    // function, `f(x) = x + 1`, opens nothing.)
    private static readonly FrozenSet<string> BlockOpeners =
        FrozenSet.ToFrozenSet(["if", "for", "tablerow", "while", "case", "capture", "with", "wrap", "func"], StringComparer.Ordinal);

    /// <summary>The 0-based position of the first token nested deeper than <paramref name="maxDepth"/>, or null.</summary>
    public static TextPosition? FindTooDeep(string text, LexerOptions options, int maxDepth)
    {
        // Counted apart, so that neither kind of closer can make room for more of the other kind of opener.
        var brackets = 0;
        var blocks = 0;
        var atStatementStart = false;
        foreach (var token in new Lexer(text, null, options))
        {
            switch (token.Type)
            {
                case TokenType.CodeEnter or TokenType.CodeExit or TokenType.NewLine or TokenType.SemiColon:
                    atStatementStart = true;
                    continue;
                case TokenType.Whitespace or TokenType.WhitespaceFull or TokenType.Comment or TokenType.CommentMulti:
                    continue;
                case TokenType.OpenParen or TokenType.OpenBracket or TokenType.OpenBrace or TokenType.BeginInterpolatedString:
                    brackets++;
                    break;
                case TokenType.CloseParen or TokenType.CloseBracket or TokenType.CloseBrace or TokenType.EndingInterpolatedString:
                    brackets = Math.Max(0, brackets - 1);
                    break;
                case TokenType.Identifier:
                    var word = token.GetText(text);
                    if (word == "do" || (atStatementStart && BlockOpeners.Contains(word)))
                    {
                        blocks++;
                    }
                    else if (atStatementStart && word == "end")
                    {
                        blocks = Math.Max(0, blocks - 1);
                    }
                    break;
                default:
                    break;
            }
            atStatementStart = false;
            if (brackets + blocks > maxDepth)
            {
                return token.Start;
            }
        }
        return null;
    }
}
