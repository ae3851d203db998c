#version 330 core
in vec2 vUv;
flat in vec4 vColor;
out vec4 fragColor;

uniform sampler2D uAtlas;
uniform bool uCoverageOnly;  // halo pass: coverage into the max-blended buffer

void main() {
    float a = texture(uAtlas, vUv).r;
    if (a <= 0.0) discard;
    fragColor = uCoverageOnly ? vec4(a) : vec4(vColor.rgb, vColor.a * a);
}
