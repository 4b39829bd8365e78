/** One step after the root of a traversal: `.name`, `[index]`, or a splat (`.*`, `[*]`). */
export type TraversalStep =
  | { readonly kind: 'attribute'; readonly name: string }
  | { readonly kind: 'index'; readonly key: Expression }
  | { readonly kind: 'splat' };

/**
 * An HCL expression as the evaluator reads it. Every node keeps its source text, which becomes the reason when
 * its value cannot be known.
 */
export type Expression = { readonly text: string } & (
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'template'; readonly parts: readonly (string | Expression)[] }
  | { readonly kind: 'tuple'; readonly items: readonly Expression[] }
  | {
      readonly kind: 'object';
      readonly items: readonly { readonly key: Expression; readonly value: Expression }[];
    }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'access'; readonly target: Expression; readonly steps: readonly TraversalStep[] }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly Expression[];
      readonly expand: boolean;
    }
  | {
      readonly kind: 'conditional';
      readonly condition: Expression;
      readonly whenTrue: Expression;
      readonly whenFalse: Expression;
    }
  | {
      readonly kind: 'binary';
      readonly operator: string;
      readonly left: Expression;
      readonly right: Expression;
    }
  | { readonly kind: 'unary'; readonly operator: '!' | '-'; readonly operand: Expression }
  /** A construct the evaluator does not interpret (`for` expressions, template directives). */
  | { readonly kind: 'opaque' }
);
