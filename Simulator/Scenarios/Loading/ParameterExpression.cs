using System.Globalization;
using HacaSim.Catalog;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// The arithmetic inside <c>${...}</c>: numbers, parameter names, <c>+ - * /</c>, parentheses, unary
/// minus and the functions <c>round floor ceil</c> (one argument; round takes halves away from zero) and
/// <c>min max</c> (two or more), evaluated in double precision by recursive descent. The functions let a
/// sampled continuous input drive a whole number (nodes = round(10 x ratio)) or respect another key's bound. Errors are <see cref="FormatException"/>s
/// whose message names the problem; the loader adds file, line and field.
/// </summary>
public static class ParameterExpression
{
    /// <summary>Evaluates <paramref name="expression"/>; <paramref name="parameters"/> maps names to their (text) values.</summary>
    public static double Evaluate(string expression, IReadOnlyDictionary<string, string> parameters)
    {
        var parser = new Parser(expression, parameters);
        double value = parser.Expression();
        parser.SkipSpaces();
        if (!parser.AtEnd) throw parser.Error($"unexpected \"{parser.Rest}\"");
        if (!double.IsFinite(value)) throw new FormatException($"\"{expression}\" evaluates to {Format(value)}, not a finite number");
        return value;
    }

    /// <summary>A result as scenario text: shortest round-trip form, culture-invariant.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>True for a parameter name or a valid name inside <c>${}</c>: a letter or _ then letters, digits, _.</summary>
    public static bool IsName(string text) =>
        text.Length > 0 && IsNameStart(text[0]) && text.All(IsNamePart);

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';
    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>The functions an expression may call, with their fewest and most arguments.</summary>
    private static readonly IReadOnlyDictionary<string, (int Min, int Max)> Functions = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["round"] = (1, 1), ["floor"] = (1, 1), ["ceil"] = (1, 1), ["min"] = (2, int.MaxValue), ["max"] = (2, int.MaxValue),
    };

    private sealed class Parser(string text, IReadOnlyDictionary<string, string> parameters)
    {
        private int _position;
        private int _depth;

        /// <summary>Parentheses and unary signs recurse: the depth is bounded like a scenario's nesting, so no input overflows the stack.</summary>
        private void Enter()
        {
            if (++_depth > ScenarioLoader.MaxDepth) throw Error($"nested deeper than {ScenarioLoader.MaxDepth} levels (parentheses or signs)");
        }

        public bool AtEnd => _position >= text.Length;
        public string Rest => text[_position..];

        // expression := term (('+' | '-') term)*
        public double Expression()
        {
            double value = Term();
            while (true)
            {
                SkipSpaces();
                if (Accept('+')) value += Term();
                else if (Accept('-')) value -= Term();
                else return value;
            }
        }

        // term := unary (('*' | '/') unary)*
        private double Term()
        {
            double value = Unary();
            while (true)
            {
                SkipSpaces();
                if (Accept('*')) value *= Unary();
                else if (Accept('/'))
                {
                    double divisor = Unary();
                    if (divisor == 0) throw Error("division by zero");
                    value /= divisor;
                }
                else return value;
            }
        }

        // unary := ('-' | '+') unary | primary
        private double Unary()
        {
            SkipSpaces();
            Enter();
            double value = Accept('-') ? -Unary() : Accept('+') ? Unary() : Primary();
            _depth--;
            return value;
        }

        // primary := number | name | function '(' expression (',' expression)* ')' | '(' expression ')'
        private double Primary()
        {
            SkipSpaces();
            if (AtEnd) throw Error("expected a number, a parameter name or \"(\" but the expression ended");
            char c = text[_position];
            if (Accept('('))
            {
                double value = Expression();
                SkipSpaces();
                if (!Accept(')')) throw Error(AtEnd ? "missing \")\"" : $"expected \")\" but found \"{InputFiles.Echo(Rest)}\"");
                return value;
            }
            if (char.IsAsciiDigit(c) || c == '.') return Number();
            if (IsNameStart(c))
            {
                int start = _position;
                while (!AtEnd && IsNamePart(text[_position])) _position++;
                string name = text[start.._position];
                SkipSpaces();
                return Accept('(') ? Call(name) : Parameter(name);
            }
            throw Error($"unexpected \"{InputFiles.Echo(Rest)}\"; expected a number, a parameter name or \"(\"");
        }

        private double Number()
        {
            int start = _position;
            while (!AtEnd && (char.IsAsciiDigit(text[_position]) || text[_position] == '.')) _position++;
            if (!AtEnd && text[_position] is 'e' or 'E')
            {
                int mark = _position++;
                if (!AtEnd && text[_position] is '+' or '-') _position++;
                if (AtEnd || !char.IsAsciiDigit(text[_position])) _position = mark;
                else while (!AtEnd && char.IsAsciiDigit(text[_position])) _position++;
            }
            string literal = text[start.._position];
            if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                throw new FormatException($"\"{literal}\" is not a number");
            return value;
        }

        /// <summary>A function call, after its "(": the arguments, then the value. Unknown names and wrong argument counts are errors.</summary>
        private double Call(string name)
        {
            if (!Functions.TryGetValue(name, out var arity))
                throw Error($"unknown function \"{name}\"{Suggestions.DidYouMean(name, Functions.Keys)}; functions: {string.Join(", ", Functions.Keys)}");
            Enter();
            var args = new List<double> { Expression() };
            SkipSpaces();
            while (Accept(','))
            {
                args.Add(Expression());
                SkipSpaces();
            }
            if (!Accept(')')) throw Error(AtEnd ? "missing \")\"" : $"expected \",\" or \")\" but found \"{InputFiles.Echo(Rest)}\"");
            _depth--;
            if (args.Count < arity.Min || args.Count > arity.Max)
                throw Error(arity.Min == arity.Max
                    ? $"{name}() takes {arity.Min} argument{(arity.Min == 1 ? "" : "s")}, found {args.Count}"
                    : $"{name}() takes at least {arity.Min} arguments, found {args.Count}");
            return name switch
            {
                "round" => Math.Round(args[0], MidpointRounding.AwayFromZero),
                "floor" => Math.Floor(args[0]),
                "ceil" => Math.Ceiling(args[0]),
                "min" => args.Min(),
                "max" => args.Max(),
                _ => throw new InvalidOperationException(name),
            };
        }

        private double Parameter(string name)
        {
            if (!parameters.TryGetValue(name, out string? raw))
            {
                string known = parameters.Count == 0 ? "no parameters are declared" : $"declared: {string.Join(", ", parameters.Keys)}";
                throw new FormatException($"unknown parameter \"{name}\"{Suggestions.DidYouMean(name, parameters.Keys)}; {known}");
            }
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                throw new FormatException($"parameter \"{name}\" is \"{raw}\", not a finite number, so it cannot be used in arithmetic");
            return value;
        }

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_position])) _position++;
        }

        private bool Accept(char c)
        {
            if (AtEnd || text[_position] != c) return false;
            _position++;
            return true;
        }

        public FormatException Error(string message) =>
            new($"bad expression \"{InputFiles.Echo(text)}\" at character {_position + 1}: {message}");
    }
}
