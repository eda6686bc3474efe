/**
 * The files `crappy init` writes: a lab's own folder of test scripts, an ES
 * module package that depends on `crappy` and type-checks its scripts.
 * @module
 */

/**
 * The compiler and Node.js types the lab's `npm run check` uses: the versions
 * this repository type-checks its own scripts with.
 */
export const CHECK_DEPENDENCIES = { typescript: '~5.9.3', '@types/node': '^20.19.0' } as const;

/** The first script of a new folder, the tutorial's first script. */
export const FIRST_SCRIPT = 'first-test.ts';

/** What the lab's package.json depends on. */
export interface ProjectDependencies {
  /** The `crappy` dependency's spec: a version range, or `file:` a tarball. */
  crappy: string;
  /** Specs that replace those of Crappy's own packages (`@crappy/core`…), for tarball installs. */
  overrides?: Record<string, string>;
}

/**
 * The files of a new project, by name relative to its folder.
 * @param name the package's name
 * @param dependencies where `crappy` comes from
 */
export function projectFiles(name: string, dependencies: ProjectDependencies): Record<string, string> {
  const manifest = {
    name,
    version: '0.1.0',
    private: true,
    description: 'Test scripts run with Crappy',
    type: 'module',
    scripts: { check: 'tsc -p .' },
    dependencies: { crappy: dependencies.crappy },
    devDependencies: CHECK_DEPENDENCIES,
    ...(dependencies.overrides ? { overrides: dependencies.overrides } : {}),
    // npm 11 runs a dependency's install script only when allowed: esbuild's checks its binary;
    // the hardware addons (serialport's binding, i2c-bus, onoff's epoll, spi-device) build or pick theirs.
    allowScripts: { esbuild: true, '@serialport/bindings-cpp': true, 'i2c-bus': true, epoll: true, 'spi-device': true },
  };
  return {
    'package.json': json(manifest),
    'tsconfig.json': json(TSCONFIG),
    '.gitignore': 'node_modules/\n',
    [FIRST_SCRIPT]: FIRST_SCRIPT_TEXT,
  };
}

/** Type-checks every TypeScript script of the folder, emitting nothing. */
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023', 'ES2024.SharedMemory'],
    types: ['node'],
    strict: true,
    noImplicitOverride: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['**/*.ts', '**/*.mts', '**/*.cts'],
};

const FIRST_SCRIPT_TEXT = `// A first test: a Counter sends a count 10 times per second and ends the
// test at 20; a Printer prints what it receives. Run it with
//   npx crappy run ${FIRST_SCRIPT}
import * as crappy from 'crappy';

/** Sends a time and a count, 10 times per second; ends the test at 20. */
class Counter extends crappy.Block {
  private count = 0;

  constructor() {
    super();
    this.freq = 10;
    this.labels = ['t(s)', 'count'];
  }

  override loop(): void {
    this.count += 1;
    this.send([this.clock.time() - this.t0, this.count]);
    if (this.count === 20) this.stop();
  }
}

/** Prints what it receives, to the last message. */
class Printer extends crappy.Block {
  override loop(): void {
    const data = this.recvData();
    if ('count' in data) console.log(\`t = \${(data['t(s)'] as number).toFixed(2)} s: \${data.count}\`);
  }

  override finish(): void {
    while (this.dataAvailable()) this.loop(); // what arrived after the stop
  }
}

crappy.link(new Counter(), new Printer());

await crappy.start({ logLevel: 'info' });
`;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
