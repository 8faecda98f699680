// --query EXPR (docs/output.md): JMESPath — the query language of KooCLI's --cli-query, aws and az — over exactly
// the JSON that --json prints. @jmespath-community/jmespath is the maintained implementation of the spec (no
// dependencies); this module, and the library with it, is loaded with `import()` only when --query is given.
import { compile, isRegistered, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import { quote } from './config/validate.js';
import { UsageError } from './errors.js';

export interface Query {
  /** The expression as given, for the command that resumes a wait. */
  readonly expression: string;
  /** What stdout gets for `json` (the text --json prints): a string raw, anything else as indented JSON. */
  answer(json: string): string;
}

type Ast = ReturnType<typeof compile>;

/** Parses EXPR before anything is sent: a syntax error or an unknown function is a usage error (exit 2). */
export function compileQuery(expression: string): Query {
  let ast: Ast;
  try {
    // `[?status==`Failed`]` (a bare word between backticks) is how many aws examples spell a string: accepted,
    // as aws's own JMESPath does.
    ast = compile(expression, { enable_legacy_literals: true });
  } catch (error) {
    throw new UsageError(`invalid --query ${quote(expression)}: ${messageOf(error)}`, { hint: JMESPATH_HINT });
  }
  // The library finds an unknown function only when it calls it, which may be after a 45-minute wait.
  const unknown = unknownFunction(ast);
  if (unknown !== undefined) {
    throw new UsageError(`invalid --query ${quote(expression)}: unknown function ${unknown}()`, {
      hint: JMESPATH_HINT,
    });
  }
  return {
    expression,
    answer(json) {
      let value: JSONValue;
      try {
        value = TreeInterpreter.search(ast, JSON.parse(json) as JSONValue);
      } catch (error) {
        // A function given the wrong type or number of arguments for this data (`length(progress)` on a number).
        throw new UsageError(`--query ${quote(expression)}: ${messageOf(error)}`, { hint: JMESPATH_HINT });
      }
      // A string raw, as `jq -r` and gh's --jq print it: STATUS=$(rdsjob get $ID --query status).
      return typeof value === 'string' ? `${value}\n` : `${JSON.stringify(value, null, 2)}\n`;
    },
  };
}

const JMESPATH_HINT = 'the language is JMESPath (https://jmespath.org), as in aws --query and hcloud --cli-query';

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/[\r\n]+/g, ' ');
}

/** The first function the expression calls that the library does not know, walking the parsed tree. */
function unknownFunction(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = unknownFunction(child);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const { type, name } = node as { type?: unknown; name?: unknown };
  if (type === 'Literal') return undefined; // data, not expression: `{"type": "Function"}` is no call
  if (type === 'Function' && typeof name === 'string' && !isRegistered(name)) return name;
  return unknownFunction(Object.values(node));
}
