import type { LiveFrame, LivePixelFormat } from '../../../src-main/contract/requests/live';
import { BAYER_PATTERNS, isBayer } from '../../../src-shared/bayer';

/**
 * Draws live frames with WebGL2. The texture is allocated once per size and format and
 * updated in place; the shader turns the raw bytes into grey or colour: mono8 as is, mono16
 * (two bytes per pixel, little-endian) scaled to the display, a Bayer mosaic (any of the four) demosaiced
 * (or shown raw), RGB as is. Pixels are fetched exactly (texelFetch): 1:1 shows the camera's pixels.
 */
const VERTEX = `#version 300 es
in vec2 a_pos;
out vec2 v_uv;
void main() {
  v_uv = vec2((a_pos.x + 1.0) * 0.5, 1.0 - (a_pos.y + 1.0) * 0.5);
  gl_Position = vec4(a_pos, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform sampler2D u_tex;
uniform int u_format;
uniform float u_scale;
uniform ivec2 u_size;
uniform ivec2 u_red; // where red sits in the mosaic's 2 x 2 cell
in vec2 v_uv;
out vec4 outColor;
float px(ivec2 p) { return texelFetch(u_tex, clamp(p, ivec2(0), u_size - 1), 0).r; }
void main() {
  ivec2 p = min(ivec2(floor(v_uv * vec2(u_size))), u_size - 1);
  if (u_format == 1) {
    vec2 b = texelFetch(u_tex, p, 0).rg;
    outColor = vec4(vec3(min(1.0, (b.r * 255.0 + b.g * 65280.0) * u_scale)), 1.0);
  } else if (u_format == 3) {
    outColor = vec4(texelFetch(u_tex, p, 0).rgb, 1.0);
  } else if (u_format == 2) {
    // Relative to red's site, every pattern reads as RGGB.
    bool evenRow = ((p.y ^ u_red.y) & 1) == 0;
    bool evenCol = ((p.x ^ u_red.x) & 1) == 0;
    float c = px(p);
    float h = (px(p + ivec2(1, 0)) + px(p - ivec2(1, 0))) * 0.5;
    float v = (px(p + ivec2(0, 1)) + px(p - ivec2(0, 1))) * 0.5;
    float cross = (h + v) * 0.5;
    float diag = (px(p + ivec2(1, 1)) + px(p - ivec2(1, 1)) + px(p + ivec2(1, -1)) + px(p + ivec2(-1, 1))) * 0.25;
    vec3 rgb = evenRow ? (evenCol ? vec3(c, cross, diag) : vec3(h, c, v)) : (evenCol ? vec3(v, c, h) : vec3(diag, cross, c));
    outColor = vec4(rgb, 1.0);
  } else {
    outColor = vec4(vec3(texelFetch(u_tex, p, 0).r), 1.0);
  }
}`;

/** The fragment shader's `u_format`: every Bayer order is one (u_red says where red sits). */
const SHADER_FORMAT = { mono8: 0, mono16: 1, bayer: 2, rgb8: 3 } as const;
const shaderFormat = (format: LivePixelFormat) => (isBayer(format) ? SHADER_FORMAT.bayer : SHADER_FORMAT[format]);

export class FrameRenderer {
  private readonly gl: WebGL2RenderingContext;
  private readonly program: WebGLProgram;
  private texture: WebGLTexture | null = null;
  private allocated: { width: number; height: number; format: LivePixelFormat } | null = null;
  private readonly uniforms: { format: WebGLUniformLocation | null; scale: WebGLUniformLocation | null; size: WebGLUniformLocation | null; red: WebGLUniformLocation | null };

  constructor(private readonly canvas: HTMLCanvasElement) {
    const gl = canvas.getContext('webgl2', { antialias: false, preserveDrawingBuffer: true });
    if (!gl) throw new Error('This window cannot draw live images: WebGL2 is not available (check the graphics driver or browser settings).');
    this.gl = gl;
    this.program = link(gl);
    gl.useProgram(this.program);
    const quad = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, quad);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    const pos = gl.getAttribLocation(this.program, 'a_pos');
    gl.enableVertexAttribArray(pos);
    gl.vertexAttribPointer(pos, 2, gl.FLOAT, false, 0, 0);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    this.uniforms = {
      format: gl.getUniformLocation(this.program, 'u_format'),
      scale: gl.getUniformLocation(this.program, 'u_scale'),
      size: gl.getUniformLocation(this.program, 'u_size'),
      red: gl.getUniformLocation(this.program, 'u_red'),
    };
  }

  /** `rawBayer` shows a Bayer mosaic as grey; `mono16Max` is the brightest level mono16 maps to white. */
  draw(frame: LiveFrame, options: { rawBayer: boolean; mono16Max: number }): void {
    const gl = this.gl;
    this.ensureTexture(frame);
    const { layout } = textureFormat(gl, frame.pixelFormat);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, frame.width, frame.height, layout, gl.UNSIGNED_BYTE, frame.pixels);
    const shader = isBayer(frame.pixelFormat) && options.rawBayer ? SHADER_FORMAT.mono8 : shaderFormat(frame.pixelFormat);
    gl.uniform1i(this.uniforms.format, shader);
    const [redX, redY] = isBayer(frame.pixelFormat) ? BAYER_PATTERNS[frame.pixelFormat].red : [0, 0];
    gl.uniform2i(this.uniforms.red, redX, redY);
    gl.uniform1f(this.uniforms.scale, 1 / Math.max(1, options.mono16Max));
    gl.uniform2i(this.uniforms.size, frame.width, frame.height);
    gl.viewport(0, 0, this.canvas.width, this.canvas.height);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
  }

  dispose(): void {
    if (this.texture) this.gl.deleteTexture(this.texture);
    this.gl.deleteProgram(this.program);
    this.texture = null;
  }

  /** A new texture only when the size or format changes; the canvas takes the frame's size (1:1 pixels). */
  private ensureTexture(frame: LiveFrame): void {
    const a = this.allocated;
    if (a && a.width === frame.width && a.height === frame.height && a.format === frame.pixelFormat) return;
    const gl = this.gl;
    if (this.texture) gl.deleteTexture(this.texture);
    this.texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texStorage2D(gl.TEXTURE_2D, 1, textureFormat(gl, frame.pixelFormat).internal, frame.width, frame.height);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    this.canvas.width = frame.width;
    this.canvas.height = frame.height;
    this.allocated = { width: frame.width, height: frame.height, format: frame.pixelFormat };
  }
}

/** One byte channel for mono8 and Bayer, two (low, high) for mono16, three for RGB. */
function textureFormat(gl: WebGL2RenderingContext, format: LivePixelFormat): { internal: number; layout: number } {
  if (format === 'mono16') return { internal: gl.RG8, layout: gl.RG };
  if (format === 'rgb8') return { internal: gl.RGB8, layout: gl.RGB };
  return { internal: gl.R8, layout: gl.RED };
}

function link(gl: WebGL2RenderingContext): WebGLProgram {
  const program = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, VERTEX],
    [gl.FRAGMENT_SHADER, FRAGMENT],
  ] as const) {
    const shader = gl.createShader(type);
    if (!shader) throw new Error('WebGL could not create a shader.');
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`Live view shader failed: ${gl.getShaderInfoLog(shader) ?? ''}`);
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`Live view shader failed: ${gl.getProgramInfoLog(program) ?? ''}`);
  return program;
}
