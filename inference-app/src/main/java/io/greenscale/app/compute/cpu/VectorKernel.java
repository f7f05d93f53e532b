package io.greenscale.app.compute.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A packed, cache-blocked SGEMM with a 4 × (2 vectors) register tile: 8 {@link FloatVector}
 * accumulators and FMAs. C2 spills with more accumulators (a 6×16 tile measured ~40 % slower), so
 * the tile stays at 8. Blocking: KC × NC panels of B and MC × KC panels of A are packed so the
 * micro-kernel streams both contiguously. The species is a static constant, which C2 needs to
 * intrinsify the vector operations.
 */
final class VectorKernel {
    /** 256-bit vectors by default (AVX2); {@code -Dgreenscale.vector.bits=512} for AVX-512 machines with two 512-bit FMA pipes. */
    static final VectorSpecies<Float> S = Integer.getInteger("greenscale.vector.bits", 256) >= 512
            && FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? FloatVector.SPECIES_512 : FloatVector.SPECIES_256;
    static final int L = S.length();
    static final int MR = 4;
    static final int NR = 2 * L;
    static final int KC = 256;
    static final int MC = 96;
    static final int NC = 2048;

    private VectorKernel() {
    }

    /** Adds rows {@code [r0, r1)} of A·B into C (which the caller zeroed). */
    static void rows(float[] a, float[] b, float[] c, int n, int k, int r0, int r1) {
        float[] ap = new float[(MC + MR) * KC];
        float[] bp = new float[KC * (NC + NR)];
        float[] tmp = new float[MR * NR];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(b, n, pc, kc, jc, nc, bp);
                for (int ic = r0; ic < r1; ic += MC) {
                    int mc = Math.min(MC, r1 - ic);
                    packA(a, k, ic, mc, pc, kc, ap);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            micro(kc, ap, (ir / MR) * kc * MR, bp, (jr / NR) * kc * NR, c, (ic + ir) * n + jc + jr, n,
                                    Math.min(MR, mc - ir), nr, tmp);
                        }
                    }
                }
            }
        }
    }

    private static void packA(float[] a, int lda, int ic, int mc, int pc, int kc, float[] ap) {
        int o = 0;
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            for (int p = 0; p < kc; p++) {
                int src = (ic + ir) * lda + pc + p;
                for (int r = 0; r < MR; r++) {
                    ap[o++] = r < mr ? a[src + r * lda] : 0f;
                }
            }
        }
    }

    private static void packB(float[] b, int ldb, int pc, int kc, int jc, int nc, float[] bp) {
        int o = 0;
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int p = 0; p < kc; p++) {
                int src = (pc + p) * ldb + jc + jr;
                if (nr == NR) {
                    System.arraycopy(b, src, bp, o, NR);
                    o += NR;
                } else {
                    for (int j = 0; j < NR; j++) {
                        bp[o++] = j < nr ? b[src + j] : 0f;
                    }
                }
            }
        }
    }

    private static void micro(int kc, float[] ap, int aOff, float[] bp, int bOff, float[] c, int cOff, int ldc,
                              int mr, int nr, float[] tmp) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bOff);
            FloatVector b1 = FloatVector.fromArray(S, bp, bOff + L);
            FloatVector av = FloatVector.broadcast(S, ap[aOff]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, ap[aOff + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, ap[aOff + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, ap[aOff + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            aOff += MR;
            bOff += NR;
        }
        if (mr == MR && nr == NR) {
            int o = cOff;
            addInto(c, o, c00, c01);
            o += ldc;
            addInto(c, o, c10, c11);
            o += ldc;
            addInto(c, o, c20, c21);
            o += ldc;
            addInto(c, o, c30, c31);
        } else {
            c00.intoArray(tmp, 0);
            c01.intoArray(tmp, L);
            c10.intoArray(tmp, NR);
            c11.intoArray(tmp, NR + L);
            c20.intoArray(tmp, 2 * NR);
            c21.intoArray(tmp, 2 * NR + L);
            c30.intoArray(tmp, 3 * NR);
            c31.intoArray(tmp, 3 * NR + L);
            for (int r = 0; r < mr; r++) {
                for (int j = 0; j < nr; j++) {
                    c[cOff + r * ldc + j] += tmp[r * NR + j];
                }
            }
        }
    }

    private static void addInto(float[] c, int o, FloatVector lo, FloatVector hi) {
        FloatVector.fromArray(S, c, o).add(lo).intoArray(c, o);
        FloatVector.fromArray(S, c, o + L).add(hi).intoArray(c, o + L);
    }
}
