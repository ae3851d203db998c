// Shared by the vertex stages: geometry is stored relative to a per-mesh origin in float, and the
// double-precision part of the view lives in uOffset, so pan and zoom are uniforms only.
uniform vec2 uScale;   // device pixels per projected unit; y negative because images grow down
uniform vec2 uOffset;  // device pixel of the mesh origin in the whole image
uniform vec4 uTile;    // the tile being drawn: origin (xy) and size (zw) in device pixels

vec2 toPixel(vec2 p) { return p * uScale + uOffset; }

vec4 pixelToClip(vec2 px) {
    vec2 t = (px - uTile.xy) / uTile.zw;
    return vec4(t.x * 2.0 - 1.0, 1.0 - t.y * 2.0, 0.0, 1.0);
}
