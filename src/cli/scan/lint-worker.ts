import { parentPort } from 'node:worker_threads';
import { DecisionWorkspace } from '../../core/workspace/decision-workspace';
import { configFromSource } from '../../core/workspace/load-config';
import { NodeFileSystem } from '../../node/node-file-system';
import { re2RegexEngine } from '../../node/re2-regex-engine';
import type { FileResult, WorkerTask } from './worker-protocol';

/** A worker's share of a lint: the same core on a slice of the files, results posted back. */
export async function runWorker(task: WorkerTask): Promise<void> {
  const fs = new NodeFileSystem({ reads: 'blocking', root: task.root });
  const loaded = await configFromSource(task.config, { trusted: true, regexEngine: re2RegexEngine });
  const workspace = new DecisionWorkspace({ fs, root: task.root, folders: task.folders, config: loaded.config, validator: loaded.validator, today: task.today });
  const results: FileResult[] = [];
  for (const path of task.files) {
    const { entry } = await workspace.update(path, undefined, { body: task.body });
    results.push({ entry, findings: workspace.fileFindings(path) });
  }
  parentPort!.postMessage(results);
}
