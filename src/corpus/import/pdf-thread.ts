// pdf.js's worker in a thread of its own. Under Node, pdf.js otherwise runs
// its "worker" on the main thread, and a page's text and drawing are read in
// one unbroken chain of promise callbacks: no timer fires until the page is
// done (a one-page PDF of 200,000 small rectangles held the event loop for
// 3.6 s; a 200 ms timer set before getOperatorList fired only then). In a
// thread, the import's time limit is a timer on a free event loop, and
// stopping means ending the thread, inside a page too. A thread that
// finished its file waits for the next one: starting one (and loading
// pdf.js's worker into it) costs ~200 ms of CPU.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfWorker = InstanceType<PdfJs['PDFWorker']>;

export interface PdfThread {
  /** Hand to getDocument({ worker }): pdf.js leaves it running when the document is destroyed. */
  worker: PdfWorker;
  /** Rejects with the thread's error if it dies (out of memory, a crash, stop()); never resolves. */
  failed: Promise<never>;
  /** False once the thread has died or been stopped: pdf.js on this side then waits forever for its answers. */
  readonly running: boolean;
  /** End the thread at once, whatever it is doing (again: the same promise). */
  stop(): Promise<void>;
  /** Let the process exit while the thread waits (idle), or keep it alive (in use). */
  hold(inUse: boolean): void;
}

/** Threads that finished a file: one PDF at a time each, so ending one for its time limit stops no other import. */
const idle: PdfThread[] = [];
/** Idle threads kept (a second one added ~37 MB of RSS, measured with the us-28 pdfkit fixture). */
const MAX_IDLE = 2;

/** A thread running pdf.js's worker (pdfjs-dist/legacy/build/pdf.worker.mjs) for one file: an idle one or a new one. */
export function takePdfThread(PDFWorker: PdfJs['PDFWorker']): PdfThread {
  let thread = idle.pop();
  while (thread && !thread.running) thread = idle.pop();
  thread ??= startPdfThread(PDFWorker);
  thread.hold(true);
  return thread;
}

/** Give back a thread after its file: kept for the next one if it still runs, else ended. */
export async function returnPdfThread(thread: PdfThread): Promise<void> {
  if (thread.running && idle.length < MAX_IDLE) {
    thread.hold(false);
    idle.push(thread);
  } else {
    await thread.stop();
  }
}

function startPdfThread(PDFWorker: PdfJs['PDFWorker']): PdfThread {
  const workerUrl = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
  const source = `import { workerData } from 'node:worker_threads';
const { WorkerMessageHandler } = await import(${JSON.stringify(workerUrl)});
WorkerMessageHandler.initializeFromPort(workerData.port);`;
  const { port1, port2 } = new MessageChannel();
  const thread = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), { workerData: { port: port2 }, transferList: [port2] });
  let running = true;
  let stopping: Promise<void> | undefined;
  const failed = new Promise<never>((_, reject) => {
    thread.once('error', (e) => {
      running = false;
      reject(e);
    });
    thread.once('exit', (code) => {
      running = false;
      reject(new Error(`pdf.js's thread stopped (exit code ${code})`));
    });
  });
  failed.catch(() => undefined);
  // pdf.js's MessageHandler listens with addEventListener and posts with postMessage: a Node MessagePort does both.
  const worker = new PDFWorker({ port: port1 as never });
  return {
    worker,
    failed,
    get running() {
      return running;
    },
    stop() {
      if (!stopping) {
        running = false;
        worker.destroy();
        port1.close();
        stopping = thread.terminate().then(() => undefined);
      }
      return stopping;
    },
    hold(inUse) {
      if (inUse) {
        thread.ref();
        port1.ref();
      } else {
        thread.unref();
        port1.unref();
      }
    },
  };
}
