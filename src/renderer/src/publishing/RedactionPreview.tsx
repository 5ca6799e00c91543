import type { ChannelOutput } from '../../../shared/ipc/contract.ts';

export type RedactionResult = ChannelOutput<'redactionPreview'>;

/** Every replacement the profile makes, in text order, and what the leak check still finds. */
export function RedactionPreview({ result }: { result: RedactionResult }) {
  if (result.profile === null) {
    return <p className="hint">No redaction profile: the post is exported as written.</p>;
  }
  return (
    <div className="redaction-preview">
      <h3 className="small-title">
        {result.replacements.length === 0 ? 'No replacements' : `${result.replacements.length} ${result.replacements.length === 1 ? 'replacement' : 'replacements'}`}
      </h3>
      {result.replacements.length > 0 && (
        <table className="diff-table replacements" aria-label="Replacements">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Private</th>
              <th scope="col">Public</th>
              <th scope="col">In context</th>
            </tr>
          </thead>
          <tbody>
            {result.replacements.map((replacement) => (
              <tr key={replacement.index}>
                <td className="num">{replacement.line}</td>
                <td>
                  <del>{replacement.original}</del>
                </td>
                <td>
                  <ins>{replacement.replacement}</ins>
                </td>
                <td className="context">{replacement.context}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LeakCheck leaks={result.leaks} />
    </div>
  );
}

export function LeakCheck({ leaks }: { leaks: RedactionResult['leaks'] }) {
  if (leaks.length === 0) {
    return (
      <p className="leak-check clean" role="status">
        Leak check: clean. No private name remains in the output.
      </p>
    );
  }
  return (
    <div className="leak-check leaks" role="alert">
      <p>
        Leak check: {leaks.length} {leaks.length === 1 ? 'private name remains' : 'private names remain'} (inside a word, identifier or path, so
        left alone). Edit the text or add an alias before publishing.
      </p>
      <ul aria-label="Remaining private names">
        {leaks.map((leak) => (
          <li key={leak.index}>
            <code>{leak.found}</code> on line {leak.line}, column {leak.column}: <span className="context">{leak.context}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
