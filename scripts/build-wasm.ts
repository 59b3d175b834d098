/** Regenerates utils/recognize/zh/model/decode-kernel.wasm.ts from decode-kernel.wat (run after editing the .wat). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleKernel, KERNEL_DIR, kernelModuleSource } from './lib/assemble-kernel.ts';

const bytes = await assembleKernel();
writeFileSync(join(KERNEL_DIR, 'decode-kernel.wasm.ts'), kernelModuleSource(bytes));
console.log(`decode-kernel.wasm.ts: ${bytes.length} bytes`);
