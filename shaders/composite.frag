#version 330 core
out vec4 fragColor;
uniform sampler2D uCoverage;
uniform vec4 uColor;

void main() {
    float cover = texelFetch(uCoverage, ivec2(gl_FragCoord.xy), 0).r;
    if (cover <= 0.0) discard;
    fragColor = vec4(uColor.rgb, uColor.a * cover);
}
